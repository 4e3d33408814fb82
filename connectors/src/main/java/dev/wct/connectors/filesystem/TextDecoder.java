package dev.wct.connectors.filesystem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.util.Optional;

/** Decodes a file's bytes under the configured encoding and error handling. */
final class TextDecoder {
  private final Charset charset;
  private final DecodeErrors errors;

  TextDecoder(Charset charset, DecodeErrors errors) {
    this.charset = charset;
    this.errors = errors;
  }

  /** The text, or empty when the bytes are not valid and errors are {@code strict}. */
  Optional<String> decode(byte[] bytes) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(errors.action())
            .onUnmappableCharacter(errors.action());
    try {
      return Optional.of(decoder.decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}

package dev.wct.activities.producer;

import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.ProducerContext;

/** Writes the content of one artifact; the caller owns the envelope and the store. */
@FunctionalInterface
interface ProducerBody {
  void write(ProducerContext context, ContentWriter out) throws Exception;
}

package dev.wct.analysers.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordIndexTest {
  private static List<String> found(KeywordIndex<String> index, String text) {
    List<String> found = new ArrayList<>();
    index.find(
        Tokens.of(text), (value, keyword, start, end) -> found.add(text.substring(start, end)));
    return found;
  }

  private static final KeywordIndex<String> EMAIL =
      KeywordIndex.<String>builder().add("email", "email").build();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "user_email",
        "email:",
        "Email",
        "EMAIL_ADDRESS",
        "userEmail",
        "user-email",
        "user.email",
        "$email = 1",
        "(email)",
        "email2"
      })
  void keywordMatchesAsAWholeWordBetweenAnySeparators(String text) {
    assertThat(found(EMAIL, text)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"emails", "emailing", "reemail", "e_mail_", "mailbox"})
  void keywordDoesNotMatchInsideALongerWord(String text) {
    assertThat(found(EMAIL, text)).isEmpty();
  }

  @Test
  void phraseMatchesWhateverSeparatesItsWords() {
    KeywordIndex<String> index = KeywordIndex.<String>builder().add("date of birth", "dob").build();

    assertThat(found(index, "date_of_birth dateOfBirth Date of birth DATE-OF-BIRTH date of"))
        .containsExactly("date_of_birth", "dateOfBirth", "Date of birth", "DATE-OF-BIRTH");
  }

  @Test
  void acronymHumpsSeparateWords() {
    KeywordIndex<String> index = KeywordIndex.<String>builder().add("ip address", "ip").build();

    assertThat(found(index, "clientIPAddress")).containsExactly("IPAddress");
  }

  @Test
  void longestKeywordWinsWhereKeywordsOverlap() {
    KeywordIndex<String> index =
        KeywordIndex.<String>builder()
            .add("email address", "email")
            .add("address", "postal")
            .build();
    List<String> values = new ArrayList<>();
    String text = "email_address and address";
    index.find(Tokens.of(text), (value, keyword, start, end) -> values.add(value));

    assertThat(values).containsExactly("email", "postal");
  }

  @Test
  void wordsOfATextAreLowerCasedAndSplit() {
    assertThat(Tokens.words("getUserEmail2FA_code"))
        .containsExactly("get", "user", "email", "2", "fa", "code");
  }
}

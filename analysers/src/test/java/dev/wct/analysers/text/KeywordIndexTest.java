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

  @Test
  void oneUnionPassFindsWhatEachIndexFindsOnItsOwn() {
    KeywordIndex<String> rules =
        KeywordIndex.<String>builder()
            .add("date of birth", "dob")
            .add("email", "email")
            .add("email address", "email")
            .add("name", "name")
            .build();
    KeywordIndex<String> birth =
        KeywordIndex.<String>builder()
            .add("birth", "birth")
            .add("date", "date")
            .add("birth date", "birth")
            .build();
    KeywordIndex<String> cues =
        KeywordIndex.<String>builder()
            .add("name", "label")
            .add("full name", "label")
            .add("dear", "honorific")
            .build();
    KeywordIndex.Union union = new KeywordIndex.Union(List.of(rules, birth, cues));
    String text =
        "Dear Ann, date of birth: 1984; birth date 1990; email address and email_address;"
            + " full name: Ann Lee; customer name = x; name name full full name date date birth";
    List<List<String>> separately =
        List.of(found(rules, text), found(birth, text), found(cues, text));
    List<List<String>> together = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<KeywordIndex.Hit<String>> hits = new ArrayList<>();
    for (List<String> list : together) {
      hits.add((value, keyword, start, end) -> list.add(text.substring(start, end)));
    }
    union.find(Tokens.of(text), hits);

    assertThat(together).isEqualTo(separately);
    assertThat(together.get(1)).contains("birth date", "date", "birth");
    assertThat(together.get(2)).contains("full name", "Dear");
  }

  @Test
  void recordedHitsAreReplayedInOrder() {
    KeywordIndex.Recorded<String> recorded = new KeywordIndex.Recorded<>();
    for (int n = 0; n < 100; n++) {
      recorded.found("v" + n, "k", n, n + 1);
    }
    List<String> replayed = new ArrayList<>();
    recorded.replay((value, keyword, start, end) -> replayed.add(value + "@" + start));

    assertThat(replayed).hasSize(100).startsWith("v0@0", "v1@1").endsWith("v99@99");
  }
}

package dev.wct.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.wct.analysers.ruleset.KnownDetectors;
import dev.wct.analysers.ruleset.Rule;
import dev.wct.analysers.ruleset.RulesetLoader;
import dev.wct.analysers.text.Tokens;
import dev.wct.cli.history.Cli;
import dev.wct.cli.report.inventory.StoredRun;
import dev.wct.core.plan.RawSources;
import dev.wct.store.fs.FileSystemArtifactStore;
import dev.wct.testkit.archives.Archives;
import dev.wct.testkit.documents.Documents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Plants random secrets and personal data in files (source code among them) and a SQLite database,
 * scans them with default settings through the real {@code wct run} (embedded mode), exports the
 * run as HTML and JSON, and looks for every planted value everywhere the run left something: every
 * file of the store, the results file, both exports, the logs and the command's output. With the
 * default {@code evidence_redaction: mask} none may appear, nor any planted word longer than 3
 * characters that is not a ruleset keyword or a structural name.
 */
class PlantedDataLeakTest {
  private static final Pattern RUN_ID = Pattern.compile("^Run (\\d{8}-\\d{6}-[0-9a-f]{6}): ");
  private static final List<String> DIAGNOSES =
      List.of(
          "schizophrenia",
          "tuberculosis",
          "leukaemia",
          "hepatitis",
          "melanoma",
          "epilepsy",
          "psoriasis",
          "anorexia");

  @TempDir Path dir;

  private final long seed = new Random().nextLong();
  private final Random random = new Random(seed);

  /** Whole values, each of which must not appear anywhere. */
  private final Set<String> plantedValues = new LinkedHashSet<>();

  /** Words of the planted values, checked unless a ruleset keyword; words, not substrings. */
  private final Set<String> plantedWords = new LinkedHashSet<>();

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
  private final ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void captureLogsAndConsole() {
    ch.qos.logback.classic.Logger root =
        ((LoggerContext) LoggerFactory.getILoggerFactory())
            .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    root.addAppender(logs);
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(new Tee(originalOut, systemOut), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(originalErr, systemErr), true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        .detachAppender(logs);
    logs.stop();
  }

  @Test
  void noPlantedValueLeavesTheScanInClear() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    writeSettings(data.resolve("settings.ini"));
    writePatientsCsv(data.resolve("patients.csv"));
    writeNotes(data.resolve("notes.txt"));
    writePhp(data.resolve("account.php"));
    writeDocuments(data);
    writeArchives(data, Files.createDirectories(dir.resolve("staging")));
    Path database = dir.resolve("clinic.db");
    writeDatabase(database);
    Path runbook = Files.writeString(dir.resolve("scan.yaml"), runbook(data, database));
    Path store = dir.resolve("store");

    Cli.Result run = Cli.run("run", runbook.toString(), "--store", store.toString());
    // The code analyser reports the non-code files it skipped: completed with warnings (exit 3).
    assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 3);
    String runId = runId(run.out());
    Path html = dir.resolve("exports/report.html");
    Path json = dir.resolve("exports/results.json");
    Files.createDirectories(html.getParent());
    List<Cli.Result> commands = new ArrayList<>(List.of(run));
    commands.add(
        Cli.run("export", runId, "--store", store.toString(), "--output", html.toString()));
    commands.add(
        Cli.run(
            "export",
            runId,
            "--format",
            "json",
            "--store",
            store.toString(),
            "--output",
            json.toString()));
    commands.add(Cli.run("export", runId, "--format", "html", "--store", store.toString()));
    commands.add(Cli.run("export", runId, "--format", "json", "--store", store.toString()));
    commands.add(Cli.run("inspect", runId, "--store", store.toString()));
    for (Cli.Result command : commands.subList(1, commands.size())) {
      assertThat(command.exitCode()).as(command.err()).isZero();
    }

    // What was scanned must have been found, or the test proves nothing.
    assertThat(Files.readString(json))
        .contains("\"ssn\"", "\"iban\"", "\"email\"", "\"phone\"", "patient", "health")
        .contains("\"document_number\"", "\"government_id\"")
        .containsPattern("\"kind\"\\s*:\\s*\"format\"")
        .containsPattern("\"table\"\\s*:\\s*\"patients\"")
        .containsPattern("\"table\"\\s*:\\s*\"users\"")
        .containsPattern("\"file_path\"\\s*:\\s*\"[^\"]*notes.txt\"")
        .containsPattern("\"file_path\"\\s*:\\s*\"[^\"]*settings.ini\"")
        .containsPattern("\"file_path\"\\s*:\\s*\"[^\"]*contract.docx\"")
        .containsPattern("\"file_path\"\\s*:\\s*\"[^\"]*statement.pdf\"")
        .containsPattern("\"sheet\"\\s*:\\s*\"Customers\"")
        .containsPattern(
            "\"file_path\"\\s*:\\s*\"backup.zip!/export/customers.csv\",\\s*\"column\"\\s*:\\s*\"iban\"")
        .containsPattern("\"file_path\"\\s*:\\s*\"mail.tar.gz!/inbox/notes.txt\"")
        .containsPattern("\"file_path\"\\s*:\\s*\"mail.tar.gz!/old/contacts.zip!/contacts.csv\"");

    // The raw source artifacts (connector outputs) are copies of the scanned data: with default
    // settings they are deleted when the run ends, so every file left in the store is checked.
    Map<String, String> places = new LinkedHashMap<>();
    Set<Path> sources = sourceArtifactFiles(store, runId);
    assertThat(sources).hasSize(4).allSatisfy(source -> assertThat(source).doesNotExist());
    try (Stream<Path> files = Files.walk(store)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        places.put(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(places)
        .containsKey(store.resolve("runs/" + runId + "/_system/results.json").toString());
    // the analysers of the table cut by rows ran per range: their ranges' outputs, with the
    // findings state the seal merges, are checked too (files, or packed into the run's journal)
    String journal =
        places.getOrDefault(store.resolve("runs/" + runId + "/_system/.records").toString(), "");
    assertThat(List.of("rows_personal_data~p000002", "rows_data_subjects~p000002"))
        .allSatisfy(
            range ->
                assertThat(
                        places.keySet().stream().anyMatch(place -> place.contains(range))
                            || journal.contains(".artifact/" + range))
                    .as("output of %s among the places checked", range)
                    .isTrue());
    places.put(html.toString(), Files.readString(html));
    places.put(json.toString(), Files.readString(json));
    for (int i = 0; i < commands.size(); i++) {
      places.put("stdout of command " + i, commands.get(i).out());
      places.put("stderr of command " + i, commands.get(i).err());
    }
    places.put("System.out", systemOut.toString(StandardCharsets.UTF_8));
    places.put("System.err", systemErr.toString(StandardCharsets.UTF_8));
    places.put("logs", logText());

    Set<String> keywords = rulesetKeywords();
    List<String> leaks = new ArrayList<>();
    for (Map.Entry<String, String> place : places.entrySet()) {
      String text = place.getValue();
      String lower = text.toLowerCase(Locale.ROOT);
      for (String value : plantedValues) {
        if (text.contains(value)) {
          leaks.add(place.getKey() + ": value '" + value + "'");
        }
      }
      for (String word : plantedWords) {
        String lowerWord = word.toLowerCase(Locale.ROOT);
        if (!keywords.contains(lowerWord) && lower.contains(lowerWord)) {
          leaks.add(place.getKey() + ": word '" + word + "'");
        }
      }
    }
    assertThat(leaks).as("planted data found in clear (random seed %d)", seed).isEmpty();
  }

  /**
   * The files of the run's raw artifacts: the connector outputs and the code units that copy the
   * files' content.
   */
  private static Set<Path> sourceArtifactFiles(Path storeRoot, String runId) {
    Set<Path> files = new LinkedHashSet<>();
    try (FileSystemArtifactStore store = new FileSystemArtifactStore(storeRoot)) {
      StoredRun run = StoredRun.load(store, runId, storeRoot.toString());
      for (String id : RawSources.of(run.planIfKnown().orElseThrow())) {
        files.add(Path.of(store.location(runId, id)).toAbsolutePath().normalize());
      }
    }
    return files;
  }

  private static Set<String> rulesetKeywords() {
    Set<String> words = new LinkedHashSet<>();
    for (String reference : RulesetLoader.shipped()) {
      String kind = reference.split("/")[1];
      for (Rule rule :
          RulesetLoader.load(reference, Path.of("."), kind, KnownDetectors.NAMES).rules()) {
        rule.keywords().forEach(keyword -> words.addAll(Tokens.words(keyword)));
      }
    }
    return words;
  }

  private String logText() {
    StringBuilder text = new StringBuilder();
    for (ILoggingEvent event : logs.list) {
      text.append(event.getFormattedMessage()).append('\n');
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        text.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
      }
    }
    return text.toString();
  }

  // ---- planted data ----

  private void writeSettings(Path file) throws Exception {
    String password = plant(word(6) + digits(2) + "-" + word(5) + "!" + digits(3));
    String apiKey = "sk_live_" + plant(alphanumeric(24));
    String dbUser = plant(word(8));
    Files.writeString(
        file,
        "[database]\nhost = localhost\nuser = "
            + dbUser
            + "\npassword = "
            + password
            + "\n\n[payments]\napi_key = "
            + apiKey
            + "\nsecret_key = "
            + plant(alphanumeric(32))
            + "\n");
  }

  private void writePatientsCsv(Path file) throws Exception {
    StringBuilder csv = new StringBuilder("name,date_of_birth,diagnosis,ssn,iban,email\n");
    for (int i = 0; i < 5; i++) {
      String first = plant(name());
      String last = plant(name());
      csv.append(first)
          .append(' ')
          .append(last)
          .append(',')
          .append(plant(dateOfBirth()))
          .append(',')
          .append(plant(diagnosis()))
          .append(',')
          .append(plant(ssn()))
          .append(',')
          .append(plant(iban()))
          .append(',')
          .append(plant(email(first, last)))
          .append('\n');
    }
    Files.writeString(file, csv.toString());
  }

  /** Source code with personal data and a secret written into it. */
  private void writePhp(Path file) throws Exception {
    Files.writeString(
        file,
        "<?php\n$admin_email = '"
            + plant(email(name(), name()))
            + "';\n$db_password = '"
            + plant(word(7) + digits(3) + word(4))
            + "';\nfunction contact() { return $admin_email; }\n");
  }

  /** A DOCX, a two-page PDF and an XLSX, written by POI and PDFBox, with planted values. */
  private void writeDocuments(Path data) throws Exception {
    String first = plant(name());
    String last = plant(name());
    Documents.docx(
        data.resolve("contract.docx"),
        "Service contract",
        "Customer " + first + " " + last + ", contact " + plant(email(first, last)),
        "Payments from iban " + plant(iban()));
    Documents.pdf(
        data.resolve("statement.pdf"),
        "Account statement",
        "Holder email " + plant(email(name(), name())) + "\nAccount iban " + plant(iban()));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("name", "email", "iban"));
    for (int i = 0; i < 3; i++) {
      String given = plant(name());
      String family = plant(name());
      rows.add(List.of(given + " " + family, plant(email(given, family)), plant(iban())));
    }
    Documents.xlsx(data.resolve("customers.xlsx"), Map.of("Customers", rows));
  }

  /**
   * A zip holding a CSV, and a tar.gz holding a text file and a zip with a CSV, written by the zip
   * and tar tools (or Java's writers) from files staged outside the scanned folder.
   */
  private void writeArchives(Path data, Path staging) throws Exception {
    StringBuilder customers = new StringBuilder("name,email,iban\n");
    StringBuilder contacts = new StringBuilder("name,email\n");
    for (int i = 0; i < 3; i++) {
      String first = plant(name());
      String last = plant(name());
      customers.append(first + " " + last + "," + plant(email(first, last)) + ",");
      customers.append(plant(iban())).append('\n');
      contacts.append(plant(name()) + "," + plant(email(name(), name()))).append('\n');
    }
    Files.createDirectories(staging.resolve("export"));
    Files.writeString(staging.resolve("export/customers.csv"), customers.toString());
    Archives.zip(data.resolve("backup.zip"), staging, "export/customers.csv");
    Path inner = Files.createDirectories(staging.resolve("inner"));
    Files.writeString(inner.resolve("contacts.csv"), contacts.toString());
    Files.createDirectories(staging.resolve("mail/inbox"));
    Archives.zip(staging.resolve("mail/old/contacts.zip"), inner, "contacts.csv");
    Files.writeString(
        staging.resolve("mail/inbox/notes.txt"),
        "Call "
            + plant(name())
            + " back, ssn "
            + plant(ssn())
            + ", mail "
            + plant(email(name(), name()))
            + "\n");
    Archives.tar(
        data.resolve("mail.tar.gz"),
        staging.resolve("mail"),
        "inbox/notes.txt",
        "old/contacts.zip");
  }

  /** Free text with planted values at random places among filler words. */
  private void writeNotes(Path file) throws Exception {
    List<String> filler =
        List.of(
            "the",
            "patient",
            "was",
            "seen",
            "today",
            "and",
            "reported",
            "that",
            "they",
            "felt",
            "better",
            "after",
            "treatment",
            "follow",
            "up",
            "in",
            "two",
            "weeks",
            "with",
            "doctor");
    StringBuilder notes = new StringBuilder();
    for (int line = 0; line < 30; line++) {
      int words = 8 + random.nextInt(20);
      int plantAt = random.nextInt(words);
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          notes.append(' ');
        }
        if (w == plantAt) {
          notes.append(
              switch (random.nextInt(7)) {
                case 0 -> plant(name()) + " " + plant(name());
                case 1 -> "born " + plant(dateOfBirth());
                case 2 -> "ssn " + plant(ssn());
                case 3 -> plant(email(name(), name()));
                case 4 -> "iban " + plant(iban());
                case 5 -> "diagnosed with " + plant(diagnosis());
                default -> "password " + plant(word(5) + digits(4) + word(3));
              });
        } else {
          notes.append(filler.get(random.nextInt(filler.size())));
        }
      }
      notes.append(".\n");
    }
    // Phone numbers no numbering plan assigns, found by their format: redacted all the same.
    notes
        .append("call me on ")
        .append(plant(unassignedPhone()))
        .append(" or call me at ")
        .append(plant(String.format(Locale.ROOT, "(%s) %s-%s", digits(2), digits(3), digits(3))))
        .append(".\n");
    // An identity-document number, found by its shape right after its keyword (ruleset 1.4.0).
    notes
        .append("Passport number: ")
        .append(plant((char) ('A' + random.nextInt(26)) + digits(8)))
        .append("\n");
    Files.writeString(file, notes.toString());
  }

  private void writeDatabase(Path file) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement ddl = db.createStatement()) {
      ddl.execute(
          "CREATE TABLE patients (id INTEGER PRIMARY KEY, full_name TEXT, date_of_birth TEXT,"
              + " diagnosis TEXT, ssn TEXT, iban TEXT, notes TEXT)");
      ddl.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, password TEXT)");
      try (PreparedStatement patient =
              db.prepareStatement(
                  "INSERT INTO patients (full_name, date_of_birth, diagnosis, ssn, iban, notes)"
                      + " VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement user =
              db.prepareStatement("INSERT INTO users (email, password) VALUES (?, ?)")) {
        for (int i = 0; i < 6; i++) {
          String first = plant(name());
          String last = plant(name());
          patient.setString(1, first + " " + last);
          patient.setString(2, plant(dateOfBirth()));
          patient.setString(3, plant(diagnosis()));
          patient.setString(4, plant(ssn()));
          patient.setString(5, plant(iban()));
          patient.setString(
              6, "Lives in " + plant(name()) + ", allergic to " + plant(word(7)) + ".");
          patient.executeUpdate();
          user.setString(1, plant(email(first, last)));
          user.setString(2, plant(alphanumeric(12) + "#" + digits(2)));
          user.executeUpdate();
        }
      }
    }
  }

  private static String runbook(Path data, Path database) {
    return """
        name: "Planted data"
        description: "Files and a database with planted secrets"
        artifacts:
          files:
            source:
              type: filesystem
              properties: {path: "%s"}
          clinic_db:
            source:
              type: sqlite
              properties: {database_path: "%s"}
          personal_data:
            inputs: [files, clinic_db]
            process: {type: personal_data}
          data_subjects:
            inputs: [files, clinic_db]
            process: {type: data_subject}
          purposes:
            inputs: [files, clinic_db]
            process: {type: processing_purpose}
          code:
            inputs: files
            process: {type: source_code_analyser}
          code_personal_data:
            inputs: code
            process: {type: personal_data}
          clinic_rows:
            source:
              type: sqlite
              properties: {database_path: "%s"}
            partition: {by: rows, max_items: 2}
          rows_personal_data:
            inputs: clinic_rows
            process: {type: personal_data}
          rows_data_subjects:
            inputs: clinic_rows
            process: {type: data_subject}
          rows_purposes:
            inputs: clinic_rows
            process: {type: processing_purpose}
          gdpr_personal_data:
            inputs: personal_data
            process: {type: gdpr_personal_data_classifier}
            output: true
          gdpr_data_subjects:
            inputs: data_subjects
            process: {type: gdpr_data_subject_classifier}
            output: true
          gdpr_purposes:
            inputs: purposes
            process: {type: gdpr_processing_purpose_classifier}
            output: true
        """
        .formatted(data, database, database);
  }

  /** Records a planted value and its words longer than 3 characters that hold a letter. */
  private String plant(String value) {
    plantedValues.add(value);
    for (String word : value.split("[^\\p{L}\\p{N}]+")) {
      if (word.length() > 3 && word.chars().anyMatch(Character::isLetter)) {
        plantedWords.add(word);
      }
    }
    return value;
  }

  private String word(int length) {
    StringBuilder word = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  private String name() {
    String word = word(8 + random.nextInt(4));
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private String digits(int count) {
    StringBuilder digits = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }

  private String alphanumeric(int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder value = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      value.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    // A letter first: a word, not a number, for the check of planted words.
    value.setCharAt(0, alphabet.charAt(random.nextInt(52)));
    return value.toString();
  }

  private String dateOfBirth() {
    return String.format(
        Locale.ROOT,
        "%d-%02d-%02d",
        1930 + random.nextInt(75),
        1 + random.nextInt(12),
        1 + random.nextInt(28));
  }

  private String diagnosis() {
    return DIAGNOSES.get(random.nextInt(DIAGNOSES.size())) + " " + word(8);
  }

  /** A US SSN that passes validation: area 001–665, group 01–99, serial 0001–9999. */
  private String ssn() {
    return String.format(
        Locale.ROOT,
        "%03d-%02d-%04d",
        100 + random.nextInt(566),
        10 + random.nextInt(90),
        1000 + random.nextInt(9000));
  }

  /** A US number in international format whose exchange opens with 1: no US number has one. */
  private String unassignedPhone() {
    return String.format(
        Locale.ROOT, "+1-%d%s-1%s-%s", 2 + random.nextInt(8), digits(2), digits(2), digits(4));
  }

  /** A German IBAN with valid check digits. */
  private String iban() {
    String bban = digits(18);
    BigInteger number = new BigInteger(bban + "131400");
    int check = 98 - number.mod(BigInteger.valueOf(97)).intValue();
    return String.format(Locale.ROOT, "DE%02d%s", check, bban);
  }

  private String email(String first, String last) {
    return first.toLowerCase(Locale.ROOT)
        + "."
        + last.toLowerCase(Locale.ROOT)
        + "@"
        + word(9)
        + ".com";
  }

  private static String runId(String out) {
    Matcher m = RUN_ID.matcher(out.lines().findFirst().orElse(""));
    assertThat(m.find()).as("first line names the run: " + out).isTrue();
    return m.group(1);
  }

  /** Writes to the console and keeps a copy. */
  private static final class Tee extends java.io.OutputStream {
    private final java.io.OutputStream console;
    private final java.io.OutputStream copy;

    Tee(java.io.OutputStream console, java.io.OutputStream copy) {
      this.console = console;
      this.copy = copy;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
      console.write(b);
      copy.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
      console.write(b, off, len);
      copy.write(b, off, len);
    }
  }
}

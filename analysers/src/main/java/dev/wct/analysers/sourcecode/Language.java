package dev.wct.analysers.sourcecode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A source language recognised by file extension, with the patterns that find its declared
 * functions and classes. Regular expressions, not parsers: good enough to say what a file declares,
 * not to compile it.
 */
enum Language {
  PHP(
      List.of("php", "phtml", "php5", "php7", "inc"),
      "(?m)^\\s*(?:(?:public|private|protected|static|final|abstract)\\s+)*function\\s+&?([A-Za-z_]\\w*)\\s*\\(",
      "(?m)^\\s*(?:(?:abstract|final|readonly)\\s+)*(?:class|interface|trait|enum)\\s+([A-Za-z_]\\w*)"),
  JAVASCRIPT(List.of("js", "mjs", "cjs", "jsx"), JsPatterns.FUNCTIONS, JsPatterns.CLASSES),
  TYPESCRIPT(List.of("ts", "tsx", "mts", "cts"), JsPatterns.FUNCTIONS, JsPatterns.TS_CLASSES),
  PYTHON(
      List.of("py", "pyw"),
      "(?m)^\\s*(?:async\\s+)?def\\s+([A-Za-z_]\\w*)\\s*\\(",
      "(?m)^\\s*class\\s+([A-Za-z_]\\w*)"),
  JAVA(
      List.of("java"),
      "(?m)^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|private|protected|static|final|abstract|synchronized|native|default)\\s+)*(?:<[^>]+>\\s+)?[\\w.$<>\\[\\],? ]+?\\s+([a-z_$][\\w$]*)\\s*\\([^;{]*\\)\\s*(?:throws\\s+[\\w.$, ]+)?\\{",
      "(?m)^\\s*(?:(?:public|private|protected|static|final|abstract|sealed|non-sealed)\\s+)*(?:class|interface|enum|record|@interface)\\s+([A-Za-z_$][\\w$]*)"),
  KOTLIN(
      List.of("kt", "kts"),
      "(?m)^\\s*(?:(?:public|private|protected|internal|override|open|suspend|inline)\\s+)*fun\\s+(?:<[^>]+>\\s*)?(?:[\\w.]+\\.)?([A-Za-z_]\\w*)\\s*\\(",
      "(?m)^\\s*(?:(?:public|private|protected|internal|open|abstract|sealed|data|enum|inner)\\s+)*(?:class|interface|object)\\s+([A-Za-z_]\\w*)"),
  CSHARP(
      List.of("cs"),
      "(?m)^\\s*(?:(?:public|private|protected|internal|static|virtual|override|async|abstract|sealed)\\s+)+[\\w<>\\[\\],.? ]+?\\s+([A-Z_]\\w*)\\s*\\([^;]*\\)\\s*(?:\\{|=>|$)",
      "(?m)^\\s*(?:(?:public|private|protected|internal|static|abstract|sealed|partial)\\s+)*(?:class|interface|struct|record|enum)\\s+([A-Za-z_]\\w*)"),
  GO(
      List.of("go"),
      "(?m)^func\\s+(?:\\([^)]*\\)\\s*)?([A-Za-z_]\\w*)\\s*[(\\[]",
      "(?m)^type\\s+([A-Za-z_]\\w*)\\s+(?:struct|interface)\\b"),
  RUBY(
      List.of("rb", "rake"),
      "(?m)^\\s*def\\s+(?:self\\.)?([A-Za-z_]\\w*[?!=]?)",
      "(?m)^\\s*(?:class|module)\\s+([A-Z]\\w*(?:::[A-Z]\\w*)*)"),
  RUST(
      List.of("rs"),
      "(?m)^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?(?:async\\s+)?(?:unsafe\\s+)?fn\\s+([A-Za-z_]\\w*)",
      "(?m)^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?(?:struct|enum|trait)\\s+([A-Za-z_]\\w*)"),
  C(List.of("c", "h"), null, "(?m)^\\s*(?:typedef\\s+)?struct\\s+([A-Za-z_]\\w*)\\s*\\{"),
  CPP(
      List.of("cpp", "cc", "cxx", "hpp", "hh", "hxx"),
      null,
      "(?m)^\\s*(?:class|struct)\\s+([A-Za-z_]\\w*)[^;]*$"),
  SWIFT(
      List.of("swift"),
      "(?m)^\\s*(?:(?:public|private|internal|fileprivate|open|static|override|mutating)\\s+)*func\\s+([A-Za-z_]\\w*)",
      "(?m)^\\s*(?:(?:public|private|internal|final|open)\\s+)*(?:class|struct|protocol|enum|actor)\\s+([A-Za-z_]\\w*)"),
  SQL(List.of("sql"), null, null),
  SHELL(
      List.of("sh", "bash", "zsh"),
      "(?m)^\\s*(?:function\\s+)?([A-Za-z_][\\w-]*)\\s*\\(\\)\\s*\\{",
      null),
  HTML(
      List.of(
          "html",
          "htm",
          "vue",
          "svelte",
          "twig",
          "erb",
          "jsp",
          "mustache",
          "hbs",
          "handlebars",
          "njk",
          "liquid",
          "ejs",
          "pug",
          "haml",
          "jinja",
          "jinja2",
          "j2",
          "tpl"),
      null,
      null),
  CSS(List.of("css", "scss", "sass", "less"), null, null),
  CONFIG(
      List.of("json", "yaml", "yml", "xml", "properties", "ini", "toml", "env", "conf", "cfg"),
      null,
      null);

  private static final Map<String, Language> BY_EXTENSION = byExtension();

  private final List<String> extensions;
  private final Pattern functions;
  private final Pattern classes;

  Language(List<String> extensions, String functions, String classes) {
    this.extensions = extensions;
    this.functions = functions == null ? null : Pattern.compile(functions);
    this.classes = classes == null ? null : Pattern.compile(classes);
  }

  private static Map<String, Language> byExtension() {
    Map<String, Language> map = new java.util.HashMap<>();
    for (Language language : values()) {
      language.extensions.forEach(extension -> map.put(extension, language));
    }
    return Map.copyOf(map);
  }

  /**
   * The language of {@code filePath}, by its extension (or a dotfile such as {@code .env}); {@code
   * .env.example}, {@code .env.local} and the like are configuration too.
   */
  static Optional<Language> of(String filePath) {
    String name = filePath.substring(filePath.lastIndexOf('/') + 1);
    if (name.startsWith(".env.")) {
      return Optional.of(CONFIG);
    }
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }

  /** The lower-case name used in {@code source_code} messages. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  Pattern functions() {
    return functions;
  }

  Pattern classes() {
    return classes;
  }

  /** Shared by JavaScript and TypeScript. */
  private static final class JsPatterns {
    static final String FUNCTIONS =
        "(?m)(?:^|[^.\\w$])(?:async\\s+)?function\\s*\\*?\\s*([A-Za-z_$][\\w$]*)\\s*\\("
            + "|(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*(?:async\\s+)?(?:function\\b|\\([^()]*\\)\\s*=>|[A-Za-z_$][\\w$]*\\s*=>)"
            + "|^\\s+(?:static\\s+)?(?:async\\s+)?(?!if\\b|for\\b|while\\b|switch\\b|catch\\b|return\\b)([A-Za-z_$][\\w$]*)\\s*\\([^)]*\\)\\s*\\{";
    static final String CLASSES = "(?m)(?:^|\\s)class\\s+([A-Za-z_$][\\w$]*)";
    static final String TS_CLASSES = "(?m)(?:^|\\s)(?:class|interface|enum)\\s+([A-Za-z_$][\\w$]*)";

    private JsPatterns() {}
  }
}

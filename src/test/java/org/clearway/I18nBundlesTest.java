package org.clearway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every visible string comes from the bundles: no language may lack a key, and no key used in code may be missing. */
class I18nBundlesTest {

    private static final String[] LANGUAGES = {"", "_fr"};

    @Test
    void every_language_has_exactly_the_keys_of_the_english_bundle() throws IOException {
        Set<String> english = load("").stringPropertyNames();
        for (String language : LANGUAGES) {
            Properties bundle = load(language);
            assertThat(new TreeSet<>(bundle.stringPropertyNames())).as("keys of translations%s.properties", language)
                    .isEqualTo(new TreeSet<>(english));
            bundle.forEach((key, value) -> assertThat(value.toString()).as("%s in %s", key, language).isNotBlank());
        }
    }

    @Test
    void apostrophes_in_messages_with_arguments_are_doubled_for_message_format() throws IOException {
        for (String language : LANGUAGES) {
            load(language).forEach((key, value) -> {
                String text = value.toString();
                if (text.contains("{")) {
                    assertThat(text.replace("''", "")).as("%s in %s: MessageFormat eats single apostrophes", key, language)
                            .doesNotContain("'");
                }
            });
        }
    }

    @Test
    void every_key_used_in_the_code_exists_in_the_bundles() throws IOException {
        Set<String> english = load("").stringPropertyNames();
        Pattern literalKey = Pattern.compile("(?:getTranslation|ClearwayException|AccessRefusedException|AccessDeniedException)\\(\"([a-z][a-z0-9.-]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literalKey.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    boolean found = key.endsWith(".") // a prefix completed at run time, e.g. "role." + role
                            ? english.stream().anyMatch(k -> k.startsWith(key)) : english.contains(key);
                    if (!found) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream("/vaadin-i18n/translations" + suffix + ".properties")) {
            assertThat(in).as("bundle translations%s.properties", suffix).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}

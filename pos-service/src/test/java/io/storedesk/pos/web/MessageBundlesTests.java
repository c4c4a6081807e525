package io.storedesk.pos.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The four languages of the pages say the same things: same keys, no empty text, every key a template uses. */
class MessageBundlesTests {

    @Test
    void fourBundlesHaveTheSameKeysAndNoEmptyValues() throws IOException {
        Properties english = load("messages.properties");
        assertThat(english).isNotEmpty();
        for (String lang : WebConfiguration.LANGUAGES) {
            Properties bundle = lang.equals("en") ? english : load("messages_" + lang + ".properties");
            assertThat(bundle.stringPropertyNames()).as("keys of " + lang).isEqualTo(english.stringPropertyNames());
            bundle.forEach((k, v) -> assertThat(v.toString().strip()).as(lang + ": " + k).isNotEmpty());
        }
    }

    @Test
    void everyMessageKeyATemplateNamesExists() throws IOException {
        Properties english = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        Pattern key = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_])[}(]|'([a-z]+\\.[A-Za-z0-9_.]+)'");
        Path templates = Path.of(Files.isDirectory(Path.of("pos-service")) ? "pos-service" : ".",
                "src/main/resources/templates");
        try (Stream<Path> files = Files.list(templates)) {
            for (Path file : files.toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    String k = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!k.endsWith(".") && !english.containsKey(k)) {
                        missing.add(file.getFileName() + ": " + k);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

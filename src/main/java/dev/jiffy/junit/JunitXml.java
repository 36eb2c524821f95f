package dev.jiffy.junit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code -junitxml DIR}: one {@code TEST-<class>.xml} per test class in the format
 * maven-surefire-plugin writes, which CI servers read: a testsuite with its counts and time,
 * a testcase per test with its failure or skip, and the test JVM's output. Written with the
 * JDK's StAX writer.
 */
final class JunitXml {
    private JunitXml() {}

    static void write(Path dir, TestProcess.Outcome outcome) throws IOException {
        Files.createDirectories(dir);
        Map<String, List<TestEvents.Event>> byClass = new LinkedHashMap<>();
        for (TestEvents.Event e : outcome.events().events()) {
            if (!e.kind().equals("start") && !e.className().isEmpty()) {
                byClass.computeIfAbsent(e.className(), c -> new ArrayList<>()).add(e);
            }
        }
        for (Map.Entry<String, List<TestEvents.Event>> c : byClass.entrySet()) {
            try (Writer out = Files.newBufferedWriter(dir.resolve("TEST-" + c.getKey() + ".xml"), StandardCharsets.UTF_8)) {
                suite(XMLOutputFactory.newFactory().createXMLStreamWriter(out), c.getKey(), c.getValue(), outcome.output());
            } catch (XMLStreamException e) {
                throw new IOException("cannot write the report of " + c.getKey() + ": " + e.getMessage(), e);
            }
        }
    }

    private static void suite(XMLStreamWriter x, String cls, List<TestEvents.Event> events, String output)
            throws XMLStreamException {
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", cls);
        x.writeAttribute("time", seconds(events.stream().mapToLong(TestEvents.Event::millis).sum()));
        x.writeAttribute("tests", Integer.toString(events.size()));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(events.stream().filter(e -> e.kind().equals("skip")).count()));
        x.writeAttribute("failures", Long.toString(events.stream().filter(e -> e.kind().equals("fail")).count()));
        for (TestEvents.Event e : events) {
            x.writeCharacters("\n  ");
            x.writeStartElement("testcase");
            x.writeAttribute("name", e.name().contains("#") ? e.name().substring(e.name().indexOf('#') + 1) : e.name());
            x.writeAttribute("classname", cls);
            x.writeAttribute("time", seconds(e.millis()));
            if (e.kind().equals("fail")) {
                String first = e.detail().lines().findFirst().orElse("");
                int colon = first.indexOf(": ");
                x.writeStartElement("failure");
                x.writeAttribute("message", clean(colon < 0 ? "" : first.substring(colon + 2)));
                x.writeAttribute("type", colon < 0 ? first : first.substring(0, colon));
                x.writeCharacters(clean(e.detail()));
                x.writeEndElement();
            } else if (e.kind().equals("skip")) {
                x.writeEmptyElement("skipped");
                x.writeAttribute("message", clean(e.detail()));
            }
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeStartElement("system-out");
        x.writeCharacters(clean(output));
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
        x.close();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Characters XML 1.0 cannot hold at all (control characters but tab and line ends) as spaces. */
    private static String clean(String s) {
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", " ");
    }
}

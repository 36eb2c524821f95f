package dev.jiffy.project;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Model;
import org.codehaus.plexus.interpolation.MapBasedValueSource;
import org.codehaus.plexus.interpolation.PrefixedObjectValueSource;
import org.codehaus.plexus.interpolation.PropertiesBasedValueSource;
import org.codehaus.plexus.interpolation.multi.MultiDelimiterInterpolatorFilterReader;
import org.codehaus.plexus.interpolation.multi.MultiDelimiterStringSearchInterpolator;

/**
 * Resource filtering as maven-resources-plugin does it with its default settings: {@code ${...}}
 * and {@code @...@} replaced from the user's {@code -D} properties, the system properties and the
 * environment ({@code env.NAME}), the project's properties, and the model ({@code project.*},
 * {@code pom.*}); an expression that resolves to nothing is left as it is, and files with the
 * extensions Maven never filters (images) are copied unchanged. Plexus's interpolator, which
 * Maven's filtering is built on, does the work.
 */
public final class ResourceFilter {
    private static final List<String> DELIMITERS = List.of("${*}", "@");
    private static final Set<String> BINARY = Set.of("jpg", "jpeg", "gif", "bmp", "png");
    private static final Pattern ENV = Pattern.compile("(?:\\$\\{|@)env\\.([A-Za-z_][A-Za-z0-9_]*)[}@]");

    private final MultiDelimiterStringSearchInterpolator interpolator = new MultiDelimiterStringSearchInterpolator();
    private final Charset encoding;

    /**
     * What a filter reads beside the model.
     *
     * @param env  the environment, as {@code env.NAME}
     * @param user the {@code -D} properties, which win over all else
     */
    public record Values(Map<String, String> env, Properties user) {}

    public ResourceFilter(Model model, Values values) {
        Map<String, String> env = values.env();
        Properties user = values.user();
        Properties properties = new Properties();
        properties.putAll(model.getProperties());
        properties.putAll(System.getProperties());
        env.forEach((name, value) -> properties.setProperty("env." + name, value));
        properties.putAll(user);
        String basedir = model.getProjectDirectory().toString();
        interpolator.setDelimiterSpecs(new LinkedHashSet<>(DELIMITERS));
        interpolator.addValueSource(new PropertiesBasedValueSource(properties));
        interpolator.addValueSource(new MapBasedValueSource(Map.of("basedir", basedir, "project.basedir", basedir,
                "pom.basedir", basedir)));
        interpolator.addValueSource(new PrefixedObjectValueSource(List.of("project.", "pom."), model, true));
        String declared = model.getProperties().getProperty("project.build.sourceEncoding");
        this.encoding = declared == null || !Charset.isSupported(declared) ? Charset.forName("UTF-8") : Charset.forName(declared);
    }

    /** Whether Maven would filter {@code file}: it does not filter images. */
    public static boolean filters(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 || !BINARY.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    /** The content of {@code file}, filtered. */
    public byte[] filter(Path file) throws IOException {
        StringWriter out = new StringWriter();
        try (Reader in = new MultiDelimiterInterpolatorFilterReader(
                new InputStreamReader(Files.newInputStream(file), encoding), interpolator)
                .setDelimiterSpecs(new LinkedHashSet<>(DELIMITERS))) {
            in.transferTo(out);
        }
        return out.toString().getBytes(encoding);
    }

    /** The environment variables {@code file} reads, which a run file must check. */
    public static Set<String> environmentRead(byte[] content) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = ENV.matcher(new String(content, java.nio.charset.StandardCharsets.ISO_8859_1));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

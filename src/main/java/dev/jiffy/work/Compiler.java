package dev.jiffy.work;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles all sources of a program in one javac task, in-process through {@code javax.tools},
 * with class files kept in memory. javac prints its own diagnostics into a buffer, so they read
 * exactly as the {@code javac} command's. Warnings are cached, so in them a source is named by its
 * path below the target's root, between two {@link #MARK}s, never by where jiffy ran;
 * {@link #forDisplay} names it from the current directory when the output is printed.
 */
final class Compiler {
    /** A finished compile: the output when it succeeded, and what javac printed either way. */
    record Result(CompileOutput output, String diagnostics) {
        boolean ok() {
            return output != null;
        }
    }

    /** Brackets a source's name in compiler output: no path or javac message holds a NUL. */
    static final char MARK = '\0';

    private Compiler() {}

    /**
     * Compiler output with each source named as javac would from {@code cwd}: relative to it when
     * the file lies below it, else absolute.
     */
    static String forDisplay(String output, Path root, Path cwd) {
        StringBuilder b = new StringBuilder(output.length());
        int i = 0;
        for (int start; (start = output.indexOf(MARK, i)) >= 0; ) {
            int end = output.indexOf(MARK, start + 1);
            if (end < 0) {
                break;
            }
            b.append(output, i, start);
            b.append(SourceSet.display(cwd, root.resolve(output.substring(start + 1, end)).normalize()));
            i = end + 1;
        }
        return b.append(output, i, output.length()).toString();
    }

    /**
     * @param root     the target's root, which sources are named relative to in the output
     * @param sources  all sources; with {@code script} the first is the script whose first
     *                 top-level type is the main class, as with {@code java File.java}
     */
    static Result compile(Path root, List<Path> sources, boolean script, List<String> options, List<Path> classpath)
            throws IOException {
        javax.tools.JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException(System.getProperty("java.home") + " has no Java compiler (a JRE, not a JDK?)");
        }
        StringWriter diagnostics = new StringWriter();
        Map<String, byte[]> classes = new TreeMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        for (Path source : sources) {
            units.add(new SourceFile(source, MARK + root.relativize(source).toString() + MARK,
                    script && source.equals(sources.get(0))));
        }
        List<String> args = new ArrayList<>(List.of("-encoding", "UTF-8", "-Xlint:-options"));
        if (!classpath.isEmpty()) {
            args.add("-classpath");
            args.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        }
        args.addAll(options);
        MainFinder mains = new MainFinder();
        try (StandardJavaFileManager standard = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
                JavaFileManager memory = new MemoryOutput(standard, classes)) {
            if (classpath.isEmpty()) {
                // Else javac takes java.class.path, jiffy's own jars: a script would compile against them.
                standard.setLocation(javax.tools.StandardLocation.CLASS_PATH, List.of());
            }
            JavacTask task;
            try {
                task = (JavacTask) javac.getTask(diagnostics, memory, null, args, null, units);
            } catch (IllegalArgumentException e) {
                return new Result(null, "javac: " + e.getMessage() + "\n");
            }
            task.addTaskListener(mains);
            boolean ok = task.call();
            String text = diagnostics.toString();
            if (!ok) {
                return new Result(null, text);
            }
            List<String> chosen = script ? mains.firstTopLevelIfMain() : mains.withMain();
            return new Result(new CompileOutput(classes, chosen, text), text);
        }
    }

    /**
     * A source file read from disk but named, in diagnostics, by its marked path below the root.
     * A script is read as {@code java} reads one in source-file mode: its file may have any name
     * (a public class need not be named after it) and a first line starting with {@code #!} is
     * blanked, so line numbers stay.
     */
    private static final class SourceFile extends SimpleJavaFileObject {
        private final Path path;
        private final String name;
        private final boolean script;

        SourceFile(Path path, String name, boolean script) {
            super(path.toUri(), Kind.SOURCE);
            this.path = path;
            this.name = name;
            this.script = script;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isNameCompatible(String simpleName, Kind kind) {
            return script ? kind == Kind.SOURCE : super.isNameCompatible(simpleName, kind);
        }

        /**
         * The source as UTF-8, which is what {@code -encoding UTF-8} promises: bytes that are not
         * UTF-8 are an error that javac reports against the file, as javac itself does, rather
         * than replacement characters compiled into the program's strings.
         */
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
            byte[] bytes = Files.readAllBytes(path);
            if (script && bytes.length > 1 && bytes[0] == '#' && bytes[1] == '!') {
                for (int i = 0; i < bytes.length && bytes[i] != '\n'; i++) {
                    bytes[i] = ' ';
                }
            }
            if (ignoreEncodingErrors) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
            java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(in, out, true);
            if (result.isError()) {
                int at = in.position();
                int line = 1;
                for (int i = 0; i < at; i++) {
                    line += bytes[i] == '\n' ? 1 : 0;
                }
                throw new IOException(String.format("line %d is not UTF-8 (byte 0x%02X); javac reads sources as UTF-8", line,
                        bytes[at] & 0xff));
            }
            return out.flip();
        }
    }

    /**
     * Keeps what javac writes in memory; the cache, not a classes directory, is where it goes.
     * Class files and the resources annotation processors write are the output; the sources they
     * generate are compiled in the same task, read back from memory, and are not.
     */
    private static final class MemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, byte[]> classes;
        private final Map<String, byte[]> generated = new TreeMap<>();

        MemoryOutput(StandardJavaFileManager standard, Map<String, byte[]> classes) {
            super(standard);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            String entry = className.replace('.', '/') + kind.extension;
            return new MemoryFile(entry, kind, kind == JavaFileObject.Kind.CLASS ? classes : generated);
        }

        @Override
        public FileObject getFileForOutput(Location location, String packageName, String relativeName, FileObject sibling) {
            String entry = (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + relativeName;
            return new MemoryFile(entry, JavaFileObject.Kind.OTHER,
                    location == StandardLocation.SOURCE_OUTPUT ? generated : classes);
        }

        @Override
        public boolean isSameFile(FileObject a, FileObject b) {
            return a instanceof MemoryFile || b instanceof MemoryFile ? a.toUri().equals(b.toUri()) : super.isSameFile(a, b);
        }
    }

    /** A file javac (or a processor) writes, kept in {@code into} under its entry name, and read back from there. */
    private static final class MemoryFile extends SimpleJavaFileObject {
        private final String entry;
        private final Map<String, byte[]> into;

        MemoryFile(String entry, JavaFileObject.Kind kind, Map<String, byte[]> into) {
            super(uri(entry), kind);
            this.entry = entry;
            this.into = into;
        }

        private static URI uri(String entry) {
            try {
                return new URI("mem", null, "/" + entry, null);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException(entry + ": not a name javac can write", e);
            }
        }

        @Override
        public OutputStream openOutputStream() {
            return new ByteArrayOutputStream() {
                @Override
                public void close() {
                    into.put(entry, toByteArray());
                }
            };
        }

        @Override
        public java.io.Writer openWriter() {
            return new java.io.OutputStreamWriter(openOutputStream(), StandardCharsets.UTF_8);
        }

        @Override
        public java.io.InputStream openInputStream() throws IOException {
            byte[] content = into.get(entry);
            if (content == null) {
                throw new java.io.FileNotFoundException(entry);
            }
            return new java.io.ByteArrayInputStream(content);
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
            try (java.io.InputStream in = openInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Notes, in source order, the top-level types and which of them have a main method. */
    private static final class MainFinder implements TaskListener {
        private final Set<String> topLevel = new LinkedHashSet<>();
        private final Set<String> withMain = new LinkedHashSet<>();

        @Override
        public void finished(TaskEvent e) {
            if (e.getKind() == TaskEvent.Kind.PARSE) {
                CompilationUnitTree unit = e.getCompilationUnit();
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
                for (Tree t : unit.getTypeDecls()) {
                    if (t instanceof ClassTree c && !c.getSimpleName().isEmpty()) {
                        topLevel.add(pkg + c.getSimpleName());
                    }
                }
            } else if (e.getKind() == TaskEvent.Kind.ANALYZE && e.getTypeElement() != null) {
                TypeElement type = e.getTypeElement();
                if (hasMain(type)) {
                    withMain.add(type.getQualifiedName().toString());
                }
            }
        }

        List<String> withMain() {
            return topLevel.stream().filter(withMain::contains).toList();
        }

        /** As {@code java File.java} does: the first top-level type, if it can be launched. */
        List<String> firstTopLevelIfMain() {
            List<String> mains = withMain();
            if (!topLevel.isEmpty() && mains.contains(topLevel.iterator().next())) {
                return List.of(topLevel.iterator().next());
            }
            return mains;
        }

        /**
         * {@code public static void main(String[])}; from JDK 25 on, also the instance and
         * no-argument mains of JEP 512.
         */
        private static boolean hasMain(TypeElement type) {
            if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.INTERFACE
                    && type.getKind() != ElementKind.ENUM && type.getKind().name().equals("RECORD") == false) {
                return false;
            }
            boolean modern = Runtime.version().feature() >= 25;
            for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (!m.getSimpleName().contentEquals("main") || m.getReturnType().getKind() != TypeKind.VOID) {
                    continue;
                }
                boolean stringArray = m.getParameters().size() == 1
                        && m.getParameters().get(0).asType() instanceof ArrayType a
                        && a.getComponentType().toString().equals("java.lang.String");
                boolean classic = stringArray && m.getModifiers().contains(Modifier.PUBLIC)
                        && m.getModifiers().contains(Modifier.STATIC);
                boolean jep512 = modern && !m.getModifiers().contains(Modifier.PRIVATE)
                        && (stringArray || m.getParameters().isEmpty());
                if (classic || jep512) {
                    return true;
                }
            }
            return false;
        }
    }
}

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
import java.util.LinkedHashMap;
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
        return compile(root, sources, script, options, classpath, Map.of(), Map.of(), false).result();
    }

    /**
     * What one source compiled to: its top-level types in source order, those of them with a
     * main method, the class files it gave, and the SHA-256 of its types' {@link TypeApi} text
     * (null unless asked for).
     */
    record Unit(List<String> topLevel, List<String> mains, List<String> entries, String api) {}

    /**
     * A compile seen source by source, for {@link WarmCompiles}. {@code whole} if every file
     * written came from one of the sources: no annotation processor ran and no source outside
     * the task (a {@code .java} file on the class path) was compiled with them. {@code read} is
     * each source's content as javac compiled it.
     */
    record Detailed(Result result, Map<Path, Unit> units, boolean whole, Map<Path, byte[]> read) {}

    /**
     * @param earlier  class files put on the class path ahead of {@code classpath}, from memory:
     *                 those of the sources an incremental compile leaves alone
     * @param contents sources compiled as they were then, not as they are on disk
     * @param api      whether to compute each source's {@link TypeApi}
     */
    static Detailed compile(Path root, List<Path> sources, boolean script, List<String> options, List<Path> classpath,
            Map<String, byte[]> earlier, Map<Path, byte[]> contents, boolean api) throws IOException {
        javax.tools.JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException(System.getProperty("java.home") + " has no Java compiler (a JRE, not a JDK?)");
        }
        StringWriter diagnostics = new StringWriter();
        Map<String, byte[]> classes = new TreeMap<>();
        Map<Path, SourceFile> units = new LinkedHashMap<>();
        for (Path source : sources) {
            units.put(source, new SourceFile(source, MARK + root.relativize(source).toString() + MARK,
                    script && source.equals(sources.get(0)), contents.get(source)));
        }
        List<String> args = new ArrayList<>(List.of("-encoding", "UTF-8", "-Xlint:-options"));
        if (!classpath.isEmpty()) {
            args.add("-classpath");
            args.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        }
        args.addAll(options);
        try (StandardJavaFileManager standard = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
                MemoryOutput memory = new MemoryOutput(standard, classes, earlier)) {
            if (classpath.isEmpty()) {
                // Else javac takes java.class.path, jiffy's own jars: a script would compile against them.
                standard.setLocation(javax.tools.StandardLocation.CLASS_PATH, List.of());
            }
            JavacTask task;
            try {
                task = (JavacTask) javac.getTask(diagnostics, memory, null, args, null, List.copyOf(units.values()));
            } catch (IllegalArgumentException e) {
                return new Detailed(new Result(null, "javac: " + e.getMessage() + "\n"), Map.of(), false, Map.of());
            }
            UnitListener listener = new UnitListener(api ? task.getElements() : null);
            task.addTaskListener(listener);
            boolean ok = task.call();
            String text = diagnostics.toString();
            if (!ok) {
                return new Detailed(new Result(null, text), Map.of(), false, Map.of());
            }
            List<String> chosen = script ? listener.firstTopLevelIfMain() : listener.withMain();
            Map<Path, Unit> byPath = new LinkedHashMap<>();
            Map<Path, byte[]> read = new LinkedHashMap<>();
            units.forEach((path, file) -> {
                byPath.put(path, listener.unit(file, memory.entriesOf(file)));
                read.put(path, file.content);
            });
            boolean whole = !listener.incomplete && memory.unattributed == 0 && !read.containsValue(null);
            return new Detailed(new Result(new CompileOutput(classes, chosen, text), text), byPath, whole, read);
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
        /** What javac reads, the same each time it asks: given, or read from disk the first time. */
        private byte[] content;

        SourceFile(Path path, String name, boolean script, byte[] content) {
            super(path.toUri(), Kind.SOURCE);
            this.path = path;
            this.name = name;
            this.script = script;
            this.content = content;
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
            if (content == null) {
                content = Files.readAllBytes(path);
            }
            byte[] bytes = content;
            if (script && bytes.length > 1 && bytes[0] == '#' && bytes[1] == '!') {
                bytes = bytes.clone();
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
     * generate are compiled in the same task, read back from memory, and are not. Each class file
     * is noted against the source it came from. The {@code earlier} class files are on the class
     * path ahead of everything else, as the sources they came from would be.
     */
    private static final class MemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, byte[]> classes;
        private final Map<String, byte[]> generated = new TreeMap<>();
        private final Map<String, List<JavaFileObject>> earlier = new java.util.HashMap<>();
        private final Map<FileObject, List<String>> bySource = new java.util.IdentityHashMap<>();
        int unattributed;

        MemoryOutput(StandardJavaFileManager standard, Map<String, byte[]> classes, Map<String, byte[]> earlier) {
            super(standard);
            this.classes = classes;
            earlier.forEach((entry, content) -> {
                int slash = entry.lastIndexOf('/');
                String pkg = slash < 0 ? "" : entry.substring(0, slash).replace('/', '.');
                this.earlier.computeIfAbsent(pkg, p -> new ArrayList<>())
                        .add(new MemoryFile(entry, JavaFileObject.Kind.CLASS, earlier));
            });
        }

        List<String> entriesOf(FileObject source) {
            return bySource.getOrDefault(source, List.of());
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            String entry = className.replace('.', '/') + kind.extension;
            if (kind == JavaFileObject.Kind.CLASS && sibling instanceof SourceFile) {
                bySource.computeIfAbsent(sibling, s -> new ArrayList<>()).add(entry);
            } else {
                unattributed++;
            }
            return new MemoryFile(entry, kind, kind == JavaFileObject.Kind.CLASS ? classes : generated);
        }

        @Override
        public FileObject getFileForOutput(Location location, String packageName, String relativeName, FileObject sibling) {
            unattributed++;
            String entry = (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + relativeName;
            return new MemoryFile(entry, JavaFileObject.Kind.OTHER,
                    location == StandardLocation.SOURCE_OUTPUT ? generated : classes);
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                boolean recurse) throws IOException {
            Iterable<JavaFileObject> rest = super.list(location, packageName, kinds, recurse);
            if (earlier.isEmpty() || location != StandardLocation.CLASS_PATH || !kinds.contains(JavaFileObject.Kind.CLASS)) {
                return rest;
            }
            List<JavaFileObject> all = new ArrayList<>();
            earlier.forEach((pkg, files) -> {
                if (pkg.equals(packageName) || recurse && (packageName.isEmpty() || pkg.startsWith(packageName + "."))) {
                    all.addAll(files);
                }
            });
            rest.forEach(all::add);
            return all;
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            if (file instanceof MemoryFile m && m.getKind() == JavaFileObject.Kind.CLASS) {
                return m.entry.substring(0, m.entry.length() - JavaFileObject.Kind.CLASS.extension.length()).replace('/', '.');
            }
            return super.inferBinaryName(location, file);
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

    /**
     * Notes, in source order, the top-level types and which of them have a main method; with
     * {@code elements}, each analysed type's {@link TypeApi}; and whether annotation processing
     * ran (or a type could not be described), so that no later compile may build on this one.
     */
    private static final class UnitListener implements TaskListener {
        private final javax.lang.model.util.Elements elements;
        private final Set<String> topLevel = new LinkedHashSet<>();
        private final Set<String> withMain = new LinkedHashSet<>();
        // By URI: javac hands listeners its own wrappers of the file objects it was given.
        private final Map<URI, List<String>> unitTypes = new java.util.HashMap<>();
        private final Map<URI, Map<String, String>> apis = new java.util.HashMap<>();
        boolean incomplete;

        UnitListener(javax.lang.model.util.Elements elements) {
            this.elements = elements;
        }

        @Override
        public void started(TaskEvent e) {
            if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
                incomplete = true;
            }
        }

        @Override
        public void finished(TaskEvent e) {
            if (e.getKind() == TaskEvent.Kind.PARSE) {
                CompilationUnitTree unit = e.getCompilationUnit();
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
                List<String> types = unitTypes.computeIfAbsent(unit.getSourceFile().toUri(), f -> new ArrayList<>());
                for (Tree t : unit.getTypeDecls()) {
                    if (t instanceof ClassTree c && !c.getSimpleName().isEmpty()) {
                        topLevel.add(pkg + c.getSimpleName());
                        types.add(pkg + c.getSimpleName());
                    }
                }
            } else if (e.getKind() == TaskEvent.Kind.ANALYZE && e.getTypeElement() != null) {
                TypeElement type = e.getTypeElement();
                if (hasMain(type)) {
                    withMain.add(type.getQualifiedName().toString());
                }
                if (elements != null) {
                    try {
                        apis.computeIfAbsent(e.getSourceFile().toUri(), f -> new TreeMap<>())
                                .put(type.getQualifiedName().toString(), TypeApi.of(type, elements));
                    } catch (RuntimeException unreadable) {
                        // A type javac could not describe: this compile is built on by none.
                        incomplete = true;
                    }
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

        Unit unit(JavaFileObject source, List<String> entries) {
            List<String> types = unitTypes.getOrDefault(source.toUri(), List.of());
            String api = null;
            if (elements != null) {
                StringBuilder b = new StringBuilder(String.join(",", types)).append('\n');
                apis.getOrDefault(source.toUri(), Map.of()).values().forEach(b::append);
                api = dev.jiffy.cache.Sha256.of(b.toString().getBytes(StandardCharsets.UTF_8));
            }
            return new Unit(List.copyOf(types), types.stream().filter(withMain::contains).toList(), List.copyOf(entries), api);
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

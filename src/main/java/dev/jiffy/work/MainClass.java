package dev.jiffy.work;

import java.util.List;

/** The main class of a program: the one asked for, if it was compiled, else the one class with a main method. */
final class MainClass {
    private MainClass() {}

    /**
     * @param wanted the class asked for, or null
     * @param from   who asked, for the message: {@code -main}, or a directive's or pom's place
     * @param where  the target, as messages name it
     * @param choose how a user chooses one, for the message when there is no single main
     */
    static String choose(String wanted, String from, CompileOutput compiled, String where, String choose)
            throws BuildException {
        if (wanted != null) {
            if (!compiled.classes().containsKey(wanted.replace('.', '/') + ".class")) {
                throw new BuildException(from + " " + wanted + ": no such class in " + where);
            }
            return wanted;
        }
        List<String> mains = compiled.mainClasses();
        if (mains.size() == 1) {
            return mains.get(0);
        }
        if (mains.isEmpty()) {
            throw new BuildException(where + ": no class with a main method (" + choose + ")");
        }
        throw new BuildException(where + ": several classes with a main method: " + String.join(", ", mains)
                + " (" + choose + ")");
    }
}

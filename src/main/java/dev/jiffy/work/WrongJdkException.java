package dev.jiffy.work;

/**
 * A program the running JDK cannot build or run: a script whose {@code //JAVA} line it does not
 * satisfy, or a Maven module that compiles for a newer release than it has.
 */
public final class WrongJdkException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String wanted;

    private WrongJdkException(String wanted, String message) {
        super(message);
        this.wanted = wanted;
    }

    /** A script's {@code //JAVA wanted} at {@code where} ({@code File.java:LINE}). */
    static WrongJdkException directive(String wanted, String where) {
        return new WrongJdkException(wanted, where + ": //JAVA " + wanted + " is not satisfied by Java "
                + Runtime.version().feature());
    }

    /** A module of {@code pom} that compiles for {@code release}, which needs that JDK or a newer one. */
    static WrongJdkException release(int release, String pom) {
        return new WrongJdkException(release + "+", pom + ": compiling for Java " + release + " needs JDK " + release
                + " or newer, not Java " + Runtime.version().feature());
    }

    /** A tool whose main class is compiled for {@code release}. */
    static WrongJdkException tool(int release, String tool) {
        return new WrongJdkException(release + "+", tool + ": its main class is compiled for Java " + release
                + ", which needs JDK " + release + " or newer, not Java " + Runtime.version().feature());
    }

    /** The version asked for: {@code 21} (exactly) or {@code 17+} (at least). */
    public String wanted() {
        return wanted;
    }
}

package dev.jiffy.work;

/** A program whose {@code //JAVA} line the running JDK does not satisfy. */
public final class WrongJdkException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String wanted;

    WrongJdkException(String wanted, String where) {
        super(where + ": //JAVA " + wanted + " is not satisfied by Java " + Runtime.version().feature());
        this.wanted = wanted;
    }

    /** The version asked for: {@code 21} (exactly) or {@code 17+} (at least). */
    public String wanted() {
        return wanted;
    }
}

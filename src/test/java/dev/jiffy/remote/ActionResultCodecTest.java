package dev.jiffy.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The /ac body is REAPI's ActionResult. The expected bytes here are written by hand from REAPI's
 * field numbers (ActionResult.output_files = 2; OutputFile path = 1, digest = 2, is_executable = 4;
 * Digest hash = 1, size_bytes = 2), so a wrong number in the .proto fails these tests.
 */
class ActionResultCodecTest {
    private static final String HASH = "be2a9ebab8b689f3b13f1c056218a1206a88b7efbdf38a8188bdf3c50be917b2";
    private static final String OTHER = "ccc06dd9265c7e553eaa01bef74afc06b7330305066bfd2901ad935b0123ab6b";

    @Test
    void roundTrip() throws Exception {
        List<RemoteOutput> outputs = List.of(
                new RemoteOutput("Hello", new Digest(HASH, 1387), true),
                new RemoteOutput(RemoteOutput.CONTENT, new Digest(OTHER, 0), false));
        assertThat(ActionResultCodec.decode(ActionResultCodec.encode(outputs))).isEqualTo(outputs);
    }

    @Test
    void writesReapiFieldNumbers() {
        byte[] encoded = ActionResultCodec.encode(List.of(new RemoteOutput("Hello", new Digest(HASH, 1387), true)));
        assertThat(encoded).isEqualTo(actionResult(outputFile("Hello", HASH, 1387, true)));
    }

    @Test
    void readsWhatOtherToolsWriteAndSkipsFieldsItDoesNotUse() throws Exception {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        result.writeBytes(actionResult(outputFile("bazel-out/k8-fastbuild/bin/app", HASH, 42, false)));
        // stdout_raw = 5 and execution_metadata = 9 (a message), as Bazel writes them.
        result.writeBytes(field(5, "ok\n".getBytes(StandardCharsets.UTF_8)));
        result.writeBytes(field(9, field(1, "worker-1".getBytes(StandardCharsets.UTF_8))));
        assertThat(ActionResultCodec.decode(result.toByteArray()))
                .containsExactly(new RemoteOutput("bazel-out/k8-fastbuild/bin/app", new Digest(HASH, 42), false));
    }

    @Test
    void garbageIsABadEntry() {
        assertBad("this is not a protobuf".getBytes(StandardCharsets.UTF_8), "not a REAPI ActionResult");
        assertBad(new byte[] {(byte) 0x12, (byte) 0x7f, 1, 2}, "not a REAPI ActionResult");
    }

    @Test
    void aResultWithoutOutputsIsABadEntry() {
        assertBad(new byte[0], "no output file");
    }

    @Test
    void aFailedActionIsABadEntry() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(actionResult(outputFile("Hello", HASH, 1, true)));
        b.write(4 << 3);
        b.write(1);
        assertBad(b.toByteArray(), "exit code 1");
    }

    @Test
    void anOutputWithoutASha256IsABadEntry() {
        assertBad(actionResult(outputFile("Hello", "abc", 1, true)), "SHA-256");
        assertBad(actionResult(outputFile("Hello", HASH.toUpperCase(java.util.Locale.ROOT), 1, true)), "SHA-256");
        assertBad(actionResult(outputFile("", HASH, 1, true)), "without a path");
        assertBad(actionResult(outputFile("Hello", HASH, -1, true)), "SHA-256");
    }

    private static void assertBad(byte[] data, String message) {
        assertThatThrownBy(() -> ActionResultCodec.decode(data))
                .isInstanceOfSatisfying(RemoteCacheException.class, e -> assertThat(e.badEntry()).isTrue())
                .hasMessageContaining(message);
    }

    static byte[] actionResult(byte[] outputFile) {
        return field(2, outputFile);
    }

    static byte[] outputFile(String path, String hash, long size, boolean executable) {
        ByteArrayOutputStream digest = new ByteArrayOutputStream();
        digest.writeBytes(field(1, hash.getBytes(StandardCharsets.UTF_8)));
        if (size != 0) {
            digest.write(2 << 3);
            digest.writeBytes(varint(size));
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        if (!path.isEmpty()) {
            file.writeBytes(field(1, path.getBytes(StandardCharsets.UTF_8)));
        }
        file.writeBytes(field(2, digest.toByteArray()));
        if (executable) {
            file.write(4 << 3);
            file.write(1);
        }
        return file.toByteArray();
    }

    /** A length-delimited field (wire type 2). */
    static byte[] field(int number, byte[] value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(varint(number << 3 | 2));
        b.writeBytes(varint(value.length));
        b.writeBytes(value);
        return b.toByteArray();
    }

    static byte[] varint(long v) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while ((v & ~0x7fL) != 0) {
            b.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        b.write((int) v);
        return b.toByteArray();
    }
}

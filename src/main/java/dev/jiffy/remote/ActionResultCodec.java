package dev.jiffy.remote;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.jiffy.cache.Sha256;
import dev.jiffy.remote.proto.ActionResult;
import dev.jiffy.remote.proto.OutputFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of an {@code /ac} entry: a REAPI {@code ActionResult} protobuf, so that servers which
 * validate action results (bazel-remote) accept jiffy's, and tools that read Bazel's can read them.
 */
public final class ActionResultCodec {
    private ActionResultCodec() {}

    /**
     * Loads and initialises the protobuf runtime (a few hundred classes, ~0.1-0.2 s in a fresh
     * JVM), so that a thread can do it while another waits for the remote's answer.
     */
    public static void warmUp() {
        try {
            decode(encode(List.of(new RemoteOutput(RemoteOutput.CONTENT, Digest.of(new byte[0]), false))));
        } catch (RemoteCacheException | RuntimeException e) {
            // Only a head start: the real decode reports any problem.
        }
    }

    public static byte[] encode(List<RemoteOutput> outputs) {
        ActionResult.Builder result = ActionResult.newBuilder();
        for (RemoteOutput o : outputs) {
            result.addOutputFiles(OutputFile.newBuilder()
                    .setPath(o.path())
                    .setDigest(dev.jiffy.remote.proto.Digest.newBuilder()
                            .setHash(o.digest().sha256())
                            .setSizeBytes(o.digest().size()))
                    .setIsExecutable(o.executable()));
        }
        return result.build().toByteArray();
    }

    /**
     * Decodes an action result. Anything that is not one, or names no output, or names an output
     * by something other than a SHA-256 digest, is a bad entry: it will be a miss, never a guess.
     */
    public static List<RemoteOutput> decode(byte[] data) throws RemoteCacheException {
        ActionResult result;
        try {
            result = ActionResult.parseFrom(data);
        } catch (InvalidProtocolBufferException e) {
            throw RemoteCacheException.badEntry("not a REAPI ActionResult protobuf");
        }
        if (result.getExitCode() != 0) {
            throw RemoteCacheException.badEntry("action result of a failed action (exit code " + result.getExitCode() + ")");
        }
        if (result.getOutputFilesCount() == 0) {
            throw RemoteCacheException.badEntry("action result names no output file");
        }
        List<RemoteOutput> outputs = new ArrayList<>();
        for (OutputFile f : result.getOutputFilesList()) {
            dev.jiffy.remote.proto.Digest d = f.getDigest();
            if (f.getPath().isEmpty() || !Sha256.isHex64(d.getHash()) || d.getSizeBytes() < 0) {
                throw RemoteCacheException.badEntry("action result names an output without a path or a SHA-256 digest");
            }
            outputs.add(new RemoteOutput(f.getPath(), new Digest(d.getHash(), d.getSizeBytes()), f.getIsExecutable()));
        }
        return outputs;
    }
}

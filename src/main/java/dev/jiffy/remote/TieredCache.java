package dev.jiffy.remote;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Lookup;
import dev.jiffy.cache.OutputId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local cache with a remote one behind it. A local miss asks the remote; a remote hit is
 * verified, stored locally and served from there, so everything after a lookup (run files,
 * markUsed, trim) sees an ordinary local entry. With uploads on, every put also goes to the
 * remote: content first, the action result last, so that no server holds an index entry
 * before its content.
 *
 * <p>This class is the one boundary where remote failures stop: whatever the remote does
 * (refuses, times out, sends garbage or wrong bytes) is a miss and at most one warning per
 * run, never a failed build, and local results never depend on it. After a failure of the
 * server itself (as opposed to one bad entry) it is not asked again in this run.
 */
public final class TieredCache implements Cache {
    private final Cache local;
    private final RemoteCache remote;
    private final boolean upload;
    private final RemoteListener listener;
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile boolean usable = true;
    private final AtomicBoolean warmingUp = new AtomicBoolean();

    public TieredCache(Cache local, RemoteCache remote, boolean upload, RemoteListener listener) {
        this.local = local;
        this.remote = remote;
        this.upload = upload;
        this.listener = listener;
    }

    @Override
    public Lookup get(ActionId action) throws IOException {
        Lookup found = local.get(action);
        if (found instanceof Lookup.Hit) {
            listener.trace("local hit: ac/" + action);
            return found;
        }
        if (!usable) {
            return found;
        }
        try {
            Lookup.Hit hit = fetch(action);
            if (hit == null) {
                local.count("remote-misses", 1);
                listener.trace("remote miss: ac/" + action);
                return found;
            }
            local.count("remote-hits", 1);
            local.count("remote-bytes-in", hit.size());
            listener.trace("remote hit: ac/" + action + " (" + hit.size() + " bytes)");
            return hit;
        } catch (IOException | RuntimeException e) {
            failed(e, "building locally");
            return new Lookup.Miss(((Lookup.Miss) found).reason() + "; remote cache: " + describe(e));
        }
    }

    /** The remote entry stored locally, or null when the remote has no entry. */
    private Lookup.Hit fetch(ActionId action) throws IOException {
        if (warmingUp.compareAndSet(false, true)) {
            // The protobuf runtime loads on the other core while this one sets up HTTP and waits.
            Thread warmUp = new Thread(ActionResultCodec::warmUp, "jiffy-protobuf-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        byte[] result = remote.getActionResult(action);
        if (result == null) {
            return null;
        }
        List<RemoteOutput> outputs = ActionResultCodec.decode(result);
        if (outputs.size() != 1) {
            throw RemoteCacheException.badEntry("ac/" + action + " names " + outputs.size() + " outputs; jiffy's have one");
        }
        RemoteOutput out = outputs.get(0);
        byte[] content = remote.getBlob(out.digest());
        if (content == null) {
            throw RemoteCacheException.badEntry("ac/" + action + " names cas/" + out.digest().sha256()
                    + ", which the remote cache does not have");
        }
        return out.executable() ? local.putExecutable(action, out.path(), content) : local.put(action, content);
    }

    @Override
    public Lookup.Hit put(ActionId action, byte[] content) throws IOException {
        Lookup.Hit hit = local.put(action, content);
        upload(action, hit.outputId(), content, RemoteOutput.CONTENT, false);
        return hit;
    }

    @Override
    public Lookup.Hit putExecutable(ActionId action, String name, byte[] content) throws IOException {
        Lookup.Hit hit = local.putExecutable(action, name, content);
        upload(action, hit.outputId(), content, name, true);
        return hit;
    }

    /** Uploads content (unless the server has it), then the action result; only with uploads on. */
    private void upload(ActionId action, OutputId output, byte[] content, String path, boolean executable) {
        if (!upload || !usable) {
            return;
        }
        try {
            Digest digest = new Digest(output.hex(), content.length);
            if (!remote.hasBlob(digest)) {
                if (!remote.putBlob(digest, content)) {
                    tooLarge("cas/" + digest.sha256() + " (" + content.length + " bytes)", action);
                    return;
                }
                local.count("remote-bytes-out", content.length);
            }
            byte[] result = ActionResultCodec.encode(List.of(new RemoteOutput(path, digest, executable)));
            if (!remote.putActionResult(action, result)) {
                tooLarge("ac/" + action, action);
                return;
            }
            local.count("remote-puts", 1);
            listener.trace("remote put: ac/" + action);
        } catch (IOException | RuntimeException e) {
            failed(e, "not uploaded");
        }
    }

    private void tooLarge(String entry, ActionId action) {
        local.count("remote-errors", 1);
        warnOnce("remote cache " + remote + " refused " + entry + " as too large (HTTP 413); ac/" + action + " not uploaded");
    }

    private void failed(Exception e, String consequence) {
        local.count("remote-errors", 1);
        boolean serverAtFault = !(e instanceof RemoteCacheException r && r.badEntry());
        if (serverAtFault) {
            usable = false;
        }
        warnOnce("remote cache " + remote + ": " + describe(e) + "; " + consequence
                + (serverAtFault ? ", and not using the remote cache for the rest of this run" : ""));
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** One warning per run is enough to say the remote cache is not helping; -x shows the others. */
    private void warnOnce(String line) {
        if (warned.compareAndSet(false, true)) {
            listener.warning(line);
        } else {
            listener.trace(line);
        }
    }

    @Override
    public void count(String name, long delta) {
        local.count(name, delta);
    }

    @Override
    public Path outputFile(OutputId output) throws IOException {
        return local.outputFile(output);
    }

    @Override
    public void close() throws IOException {
        local.close();
    }
}

package dev.jiffy.cli;

import dev.jiffy.cache.Cache;
import dev.jiffy.remote.RemoteCache;
import dev.jiffy.remote.RemoteHeaders;
import dev.jiffy.remote.RemoteListener;
import dev.jiffy.remote.RemoteUrl;
import dev.jiffy.remote.TieredCache;
import dev.jiffy.work.BuildReporter;

/**
 * Puts the remote cache of JIFFY_REMOTE_CACHE in front of the local one. A class of its own, so
 * that nothing of {@code dev.jiffy.remote} loads unless a remote cache is set.
 */
final class RemoteTier {
    private RemoteTier() {}

    /** The settings were checked when read, so parsing them again cannot fail here. */
    static Cache wrap(Cache local, Settings settings, BuildReporter reporter) {
        RemoteCache remote = new RemoteCache(RemoteUrl.parse(settings.remoteCache()),
                RemoteHeaders.parse(settings.remoteHeaders()), RemoteCache.REQUEST_TIMEOUT);
        reporter.step("remote cache: " + remote + (settings.remoteUpload() ? " (uploading)" : " (read-only)"));
        return new TieredCache(local, remote, settings.remoteUpload(), new RemoteListener() {
            @Override
            public void trace(String line) {
                reporter.step(line);
            }

            @Override
            public void warning(String line) {
                reporter.warning(line);
            }
        });
    }
}

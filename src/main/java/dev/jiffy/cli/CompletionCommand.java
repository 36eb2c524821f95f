package dev.jiffy.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jiffy completion bash|zsh|fish}: a completion script for the commands, each command's
 * flags (read off {@link CommandHelp}, so the two cannot disagree), the subcommands of cache,
 * clean, trust and daemon, the settings' names for {@code jiffy env} and the installed commands
 * for {@code jiffy uninstall} (read when completing); files otherwise.
 */
final class CompletionCommand {
    /** A flag in a help line: -x, -offline, --deps, -count=1; not the dash inside a word. */
    private static final Pattern FLAG = Pattern.compile("(?<![\\w<-])--?[A-Za-z][A-Za-z0-9-]*(=1)?");
    private static final Map<String, String> WORDS = Map.of("cache", "stat trim verify path", "clean", "-cache -testcache",
            "trust", "add list remove", "daemon", "status stop", "version", "-m", "completion", "bash zsh fish", "init", "hello cli test");

    private final PrintStream out;

    CompletionCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws UsageException {
        if (args.size() != 1) {
            throw new UsageException("completion: expected bash, zsh or fish");
        }
        switch (args.get(0)) {
            case "bash" -> out.print(bash());
            case "zsh" -> out.print("#compdef jiffy\nautoload -U +X bashcompinit && bashcompinit\n" + bash());
            case "fish" -> out.print(fish());
            default -> throw new UsageException("completion: unknown shell \"" + args.get(0) + "\" (bash, zsh or fish)");
        }
        return 0;
    }

    /** Each command's flags, as its help lists them. */
    static Map<String, List<String>> flags() {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        for (String command : CommandHelp.commands()) {
            Set<String> found = new LinkedHashSet<>();
            for (String line : CommandHelp.of(command).split("\n")) {
                if (line.startsWith("  -")) {
                    Matcher m = FLAG.matcher(line);
                    while (m.find()) {
                        found.add(m.group());
                    }
                }
            }
            flags.put(command, List.copyOf(found));
        }
        return flags;
    }

    private static List<String> settings() {
        try {
            Map<String, String> all = Settings.from(Map.of("JIFFY_CACHE", "off")).asEnv(Map.of());
            DaemonSettings.from(Map.of()).addTo(all);
            return List.copyOf(all.keySet());
        } catch (UsageException e) {
            throw new IllegalStateException("the default settings do not parse", e);
        }
    }

    private static String bash() {
        StringBuilder cases = new StringBuilder();
        flags().forEach((command, flags) -> {
            String words = String.join(" ", flags);
            String more = command.equals("env") ? String.join(" ", settings())
                    : command.equals("help") ? String.join(" ", CommandHelp.commands()) : WORDS.getOrDefault(command, "");
            cases.append("    ").append(command).append(") flags='").append(words).append("' words='").append(more)
                    .append("' ;;\n");
        });
        return """
                # jiffy completion for bash: source <(jiffy completion bash)
                _jiffy() {
                  local cur=${COMP_WORDS[COMP_CWORD]} flags='' words=''
                  if [ "$COMP_CWORD" -eq 1 ]; then
                    mapfile -t COMPREPLY < <(compgen -W '%s' -- "$cur")
                    return
                  fi
                  case ${COMP_WORDS[1]} in
                %s  esac
                  if [ "${COMP_WORDS[1]}" = uninstall ]; then
                    words=$(cut -f1 "${XDG_CONFIG_HOME:-$HOME/.config}/jiffy/installs.txt" 2>/dev/null)
                  fi
                  case $cur in
                  -*) mapfile -t COMPREPLY < <(compgen -W "$flags" -- "$cur") ;;
                  *) if [ -n "$words" ]; then mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
                     else mapfile -t COMPREPLY < <(compgen -f -- "$cur"); fi ;;
                  esac
                }
                complete -o default -F _jiffy jiffy
                """.formatted(String.join(" ", CommandHelp.commands()), cases);
    }

    private static String fish() {
        StringBuilder b = new StringBuilder("# jiffy completion for fish: jiffy completion fish | source\n");
        b.append("complete -c jiffy -n __fish_use_subcommand -f -a '").append(String.join(" ", CommandHelp.commands()))
                .append("'\n");
        flags().forEach((command, flags) -> {
            for (String flag : flags) {
                b.append("complete -c jiffy -n '__fish_seen_subcommand_from ").append(command).append("' ")
                        .append(flag.startsWith("--") ? "-l " + flag.substring(2) : "-o " + flag.substring(1)).append('\n');
            }
            List<String> words = new ArrayList<>();
            if (command.equals("env")) {
                words.addAll(settings());
            } else if (WORDS.containsKey(command) && !WORDS.get(command).startsWith("-")) {
                words.addAll(List.of(WORDS.get(command).split(" ")));
            }
            if (!words.isEmpty()) {
                b.append("complete -c jiffy -n '__fish_seen_subcommand_from ").append(command).append("' -f -a '")
                        .append(String.join(" ", words)).append("'\n");
            }
        });
        b.append("complete -c jiffy -n '__fish_seen_subcommand_from uninstall' -f -a ")
                .append("'(cut -f1 (set -q XDG_CONFIG_HOME; and echo $XDG_CONFIG_HOME; or echo $HOME/.config)/jiffy/installs.txt 2>/dev/null)'\n");
        return b.toString();
    }
}

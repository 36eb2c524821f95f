package wc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Counts words in the files named, or in stdin: `bin/jiffy run examples/wordcount README.md`. */
public class Main {
    public static void main(String[] args) throws IOException {
        Counter counter = new Counter();
        if (args.length == 0) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                in.lines().forEach(counter::add);
            }
        } else {
            for (String name : args) {
                Files.readAllLines(Path.of(name), StandardCharsets.UTF_8).forEach(counter::add);
            }
        }
        List<Counter.Count> top = counter.top(5);
        System.out.println(Report.format(counter.total(), top));
    }
}

package org.w3id.talibanrelations.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples of a JFR recording: {@code JfrTop FILE.jfr [ROWS=25]} prints the methods
 * most often on top of the stack (self time), the methods most often anywhere on it (total time), and
 * this project's methods by total time, each as a share of all samples. Record with
 * {@code bench/scale.sh --profile SIZE}, or {@code java -XX:StartFlightRecording=filename=F.jfr,settings=profile …}.
 */
public final class JfrTop {
    private JfrTop() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>(), total = new HashMap<>(), ours = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) continue;
            samples++;
            List<RecordedFrame> frames = st.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (!seen.add(n)) continue;
                total.merge(n, 1, Integer::sum);
                if (n.startsWith("org.w3id.")) ours.merge(n, 1, Integer::sum);
            }
        }
        System.out.printf("%,d CPU samples%n", samples);
        print("self", self, samples, rows);
        print("total", total, samples, rows);
        print("total, this project", ours, samples, rows);
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> m, int samples, int rows) {
        System.out.printf("%n-- %s --%n", title);
        m.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(rows)
         .forEach(en -> System.out.printf("%6.1f%%  %s%n", 100.0 * en.getValue() / samples, en.getKey()));
    }
}

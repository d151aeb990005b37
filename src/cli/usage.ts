/** What every command's help ends with: the exit codes of README.md's table. */
const exitCodes = `Exit codes: 0 every scenario passed; 1 at least one contract failure; 2 usage, configuration,
scenario or contract-file error (nothing was sent); 3 no verdict: the target was unreachable,
authentication failed, or a scenario errored and none failed; 130 interrupted (Ctrl-C, SIGTERM).
`;

/** Each command's own help (`conformance <command> --help`): its synopsis and every option. */
export const commandUsage: Record<string, string> = {
  run: `Usage: conformance run [options] [PATH...]

Run the scenarios (default: scenarios/) against a target (default: replay) under Playwright Test.

Options:
  --target NAME      replay (default), live, recordings, a target of targets.yaml, or recordings:DIR;
                     several (--target a,b,c) run side by side: reports/matrix.html, matrix.json, matrix.md
  --grep RE          only scenarios whose id or title matches RE
  --tag TAG          only scenarios carrying TAG
  --workers N        parallel Playwright workers (default 1)
  --concurrency N    scenarios in flight per worker on a live target, to hide its latency (default: the target's
                     request cap, 4); 1 when scenarios share one existing object (GRAPH_PKI_ID)
  --retries N        run a batch again when some of its scenarios did not pass; only those run again
  --shard I/N        the I-th of N near-equal slices of the selected scenarios
  --report-dir DIR   where the reports go (default reports/): html/, junit.xml, results.json, conformance.json
  --allow-writes     let a live run write (every write is journaled first and undone afterwards)
  --list             print the scenarios the run would select, and send nothing
  --baseline FILE    known failures (conformance baseline update) are reported apart and do not fail the run;
                     a new failure does, and one whose entry has expired
  --strict-baseline  a known failure that no longer happens fails the run too (delete its line)
  --history FILE     compare with the previous run of each target (new failures, fixed) and append this run
                     to the history database (see conformance history --help)
`,
  contracts: `Usage: conformance contracts diff A B [--format text|json|markdown] [--fail-on breaking|may-break]

The differences between two sources of the same contracts: each side a contract file, a folder of contracts (paired
by file name), or an OpenAPI operation FILE#METHOD /path. Properties added or removed, required, refused (read-only),
nullable, types, formats, enum values, closed objects and contracts present on one side only, each classified for a
client and for a server (breaking, may-break, safe), with the scenarios it touches. --fail-on: exit 1 at that level.
`,
  docs: `Usage: conformance docs lint PATH... [--format text|json]

Lint Graph docs pages (files, or folders of .md) in the annotated markdown of Microsoft's docs repository: example
bodies that are not JSON, placeholders where the type demands a date-time, GUID or base64 value, Required properties
the example omits, properties the resource does not have (letter case included), a single entity wrapped in "value",
missing, malformed or unpaired annotations, /beta/ URLs on v1.0 pages, headers without a blank line before the body,
links whose file name differs in case. Exit 1 when there is a problem.
`,
  import: `Usage: conformance import openapi FILE [--operation "METHOD /path"]... [--path-prefix P] [--tag TAG]
                                [--out DIR] [--id-prefix P]

Write contracts (JSON Schema 2020-12, checked by strict ajv) for the JSON request body and each response status of
the chosen operations of an OpenAPI 3.0 or 3.1 description (YAML or JSON) into DIR (default
contracts/openapi/<file name>/). Each contract holds only the $ref closure of its schema, converted for its direction
(read-only properties refused in requests, write-only ones dropped from responses, nullable as a null type), and its
provenance (file, JSON pointer, a hash of the source); a re-import says which contracts are new, changed or unchanged.
`,
  history: `Usage: conformance history [--history FILE] [--target NAME] [--last N] [--format text|json|html] [--out FILE]
       conformance history import REPORT... [--history FILE]

Show, per target, over its last N runs (default 10) of the history database (default .conformance/history.sqlite,
or CONFORMANCE_HISTORY): what changed since the previous run (new failures, fixed, newly errored), flaky scenarios
(a contract verdict that changed at least 3 times, or passed on a retry), the target's trouble counted apart
(errored, throttled, unavailable, lost, retried, runs without a verdict), and median and p95 durations.
\`import\` appends runs made elsewhere from their conformance.json (or report dir); one already there is skipped.
`,
  'merge-reports': `Usage: conformance merge-reports DIR... [--report-dir OUT] [--baseline FILE [--strict-baseline]] [--history FILE]

Merge the report dirs of a run's shards (run --shard I/N --report-dir DIR on each machine) into one set of
reports in OUT (default reports/): conformance.json, junit.xml, and Playwright's HTML and JSON reports merged by
its own merge-reports from the shards' blob reports. Exits as the merged run would have; with --baseline, as
\`run --baseline\` judges it (the gate of a sharded run).
`,
  baseline: `Usage: conformance baseline update [--out FILE] [--report-dir DIR]

Write the contract failures of the last run (DIR/conformance.json, default reports/) as a baseline file (default
conformance-baseline.yaml), keeping the reason:, owner: and expires: an existing file gave the same failure. A
failure is identified by scenario id, failure code and pointer, never by its message.
`,
  lint: `Usage: conformance lint [--strict] [PATH...]

Check scenarios, suites, contracts and targets.yaml (default: scenarios/); send nothing. Every problem is
shown with its file, line, column, the line and a caret; exit 2 when there is one.

Options:
  --strict   weak scenarios are problems too: a write no later step reads back, or one that sets a property to the
             value the object already holds (a server that stores nothing would pass them)
`,
  restore: `Usage: conformance restore [--target NAME] [--forget URL]

Undo what an interrupted live run left changed, from the target's journal (default target: live).

Options:
  --target NAME   the live target whose journal to replay
  --forget URL    drop the journal entries recorded against another base URL, once you have handled them there
`,
  record: `Usage: conformance record --target NAME [--dir DIR] [--only-missing] [run options]

Run the scenarios like \`run\` and save each one's traffic as a redacted HAR cassette in
recordings/<target>/<scenario>.har (or DIR); replay them with --target recordings. A cassette whose exchanges
did not change (only their times) is kept byte for byte.

Options:
  --dir DIR        the cassette set to write (default recordings/<target>)
  --only-missing   record only the scenarios the set has no cassette for
`,
  'verify-recordings': `Usage: conformance verify-recordings [--dir SET | PATH] [--report-dir DIR]

Judge every recorded answer of one cassette set (--dir, e.g. recordings/example) or under PATH (default:
recordings/, every set) by today's contracts and scenarios; send nothing.
`,
  serve: `Usage: conformance serve [options]

Serve the simulator on http://127.0.0.1:PORT/beta until Ctrl-C.

Options:
  --port N                  the port (default: a free one)
  --host LOOPBACK           127.0.0.1 (default), ::1 or localhost; nothing else
  --token T                 a bearer token to accept (repeatable; default GRAPH_ACCESS_TOKEN or a generated one)
  --fault PROFILE[,...]     throttle, unavailable, slow, reset, timeout, each as name:key=value;...
                            (e.g. throttle:every=3;retryAfter=0.25)
  --break NAME[,...]        break one documented rule (see src/simulator/breaks.ts)
  --variant odd-but-valid   answer with unusual but valid spellings
  --seed ID                 an object to hold at start (repeatable)
  --fault-seed N            seed of the faults' random draws
  --fault-stats             print what the faults did on shutdown
`,
};

/** The help text of the `conformance` command. */
export const usage = `Usage: conformance <command> [options]   (conformance <command> --help for its options)

Commands:
  run      [--target NAME] [--grep RE] [--tag TAG] [--workers N] [--report-dir DIR]
           [--shard I/N] [--retries N] [--allow-writes] [--list] [--baseline FILE] [--history FILE] [PATH...]
           Run the scenarios (default: scenarios/) against a target (default: replay).
  lint     [PATH...]    Check scenarios, suites, contracts and targets.yaml; send nothing.
  baseline update [--out FILE]   Write the last run's failures as known failures for run --baseline.
  merge-reports DIR... [--report-dir OUT]   Merge the reports of a run's shards into one set.
  import openapi FILE [--operation "METHOD /path"]   Contracts from an OpenAPI description.
  docs lint PATH... [--format json]   Strict lint of Graph docs pages (exit 1 on problems).
  contracts diff A B [--format text|json|markdown] [--fail-on LEVEL]   Where two contract sources disagree.
  history  [--history FILE] [--format text|json|html]   What changed since the last run, flaky scenarios, trends.
  history import REPORT...   Append runs made elsewhere to the history.
  restore  [--target NAME] [--forget URL]   Undo what an interrupted live run left changed (default: live).
  record   --target NAME [--dir DIR] [run options]
           Run the scenarios and save each one's traffic as a redacted HAR cassette in
           recordings/<target>/<scenario>.har (or DIR); replay them with --target recordings.
  verify-recordings [PATH] [--report-dir DIR]
           Judge every recorded answer under PATH (default: recordings/) by today's contracts and
           scenarios; send nothing.
  serve    [--port N] [--host LOOPBACK] [--token T]... [--fault PROFILE[,PROFILE]]... [--break NAME,...]
           [--variant odd-but-valid] [--seed ID]... [--fault-seed N] [--fault-stats]
           Serve the simulator on http://127.0.0.1:PORT/beta until Ctrl-C. Profiles: throttle, unavailable,
           slow, reset, timeout, each with parameters as name:key=value;... (e.g. throttle:every=3;retryAfter=0.25).

${exitCodes}`;

/** A command's help, with the exit codes. */
export function helpOf(command: string): string {
  return `${commandUsage[command]}\n${exitCodes}`;
}

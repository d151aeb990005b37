/** The help text of the `conformance` command. */
export const usage = `Usage: conformance <command> [options]

Commands:
  run      [--target NAME] [--grep RE] [--tag TAG] [--workers N] [--report-dir DIR]
           [--shard I/N] [--retries N] [--allow-writes] [PATH...]
           Run the scenarios (default: scenarios/) against a target (default: replay).
  lint     [PATH...]    Check scenarios, suites, contracts and targets.yaml; send nothing.
  restore  [--target NAME]   Undo what an interrupted live run left changed (default: live).
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

Exit codes: 0 every scenario passed; 1 at least one contract failure; 2 usage, configuration,
scenario or contract-file error (nothing was sent); 3 no verdict: the target was unreachable,
authentication failed, or a scenario errored.
`;

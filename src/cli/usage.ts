/** The help text of the `conformance` command. */
export const usage = `Usage: conformance <command> [options]

Commands:
  run      [--target NAME] [--grep RE] [--tag TAG] [--workers N] [--report-dir DIR]
           [--shard I/N] [--retries N] [--allow-writes] [PATH...]
           Run the scenarios (default: scenarios/) against a target (default: replay).
  lint     [PATH...]    Check scenarios, suites and contracts; send nothing.

Exit codes: 0 every scenario passed; 1 at least one contract failure; 2 usage, configuration,
scenario or contract-file error (nothing was sent); 3 no verdict: the target was unreachable,
authentication failed, or a scenario errored.
`;

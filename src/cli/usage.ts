export const USAGE = `xs2a-conformance: conformance suite and contract checker for Berlin Group NextGenPSD2 XS2A APIs

Usage:
  xs2a-conformance run [options]        run the conformance suite and write reports
  xs2a-conformance merge DIR... [options]
                                        merge the results of sharded runs into one set of reports
  xs2a-conformance allure DIR           strip the analytics script from a generated Allure report
  xs2a-conformance sandbox [options]    start the bundled reference bank
  xs2a-conformance --version | --help

run options:
  --profile FILE      ASPSP profile (default: the bundled reference bank's)
  --spec FILE         OpenAPI description to validate against (default: the profile's, else the bundled NextGenPSD2 1.3 description)
  --target URL        base URL of the bank's API (default: the profile's baseUrl, else the bundled bank started on a free port)
  --report-dir DIR    where the reports go (default: ./reports): report.html, report.json, junit.xml,
                      traffic.har, allure-results/
  --defect NAME       switch on a defect of the bundled bank (repeatable)
  --filter TEXT       run only test cases whose name matches TEXT (a regular expression)
  --rerun-failed FILE run only the test cases that failed in a saved report.json
  --shard I/N         run part I of N (for parallel CI machines); its results go to --blob-dir
  --blob-dir DIR      where a shard's results go (default: REPORT_DIR/blob)
  --bundle            also write REPORT_DIR/xs2a-conformance-bundle.tar.gz (reports, traffic,
                      profile without secrets, spec hash, SHA256SUMS)
  --quiet             print only the summary (also when CI=true)

merge options:
  --report-dir DIR    where the merged reports go (default: ./reports)
  --bundle            also write the certification bundle
  --quiet             print only the summary

sandbox options:
  --port N            port to listen on (default 8080; 0 picks a free one)
  --host HOST         address to bind (default 127.0.0.1)
  --defect NAME       switch on a defect (repeatable); --list-defects lists them

Exit codes: 0 conformant, 1 a MUST check or a flow failed, 2 usage or configuration error, 3 target unreachable.
`;

/** A mistake in how the tool was called or configured: exit 2 with this message. */
export class UsageError extends Error {}

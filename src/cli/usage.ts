export const USAGE = `xs2a-conformance: conformance suite and contract checker for Berlin Group NextGenPSD2 XS2A APIs

Usage:
  xs2a-conformance run [options]        run the conformance suite and write reports
  xs2a-conformance merge DIR... [options]
                                        merge the results of sharded runs into one set of reports
  xs2a-conformance check FILE [options] judge recorded traffic (HAR 1.2 or JSON Lines of exchanges)
  xs2a-conformance proxy --target URL   a validation proxy between a TPP application and a bank
  xs2a-conformance allure DIR           strip the analytics script from a generated Allure report
  xs2a-conformance sandbox [options]    start the bundled reference bank
  xs2a-conformance lint SPEC [options]  list where a bank's OpenAPI deviates from the NextGenPSD2 core
  xs2a-conformance detect [options]     run the suite against the reference bank once per defect (detection matrix)
  xs2a-conformance property NAME [options]
                                        rerun one property test (a report's replay command)
  xs2a-conformance certs --out DIR [--roles PSP_AI,PSP_PI]
                                        generate eIDAS test certificates: CA, server, QWAC, QSealC
  xs2a-conformance --version | --help

run options:
  --profile FILE      ASPSP profile (default: the bundled reference bank's); repeat it to run the
                      suite against several banks: each bank's reports go to REPORT_DIR/<profile>/,
                      combined.json and combined.html to REPORT_DIR, the exit code is the worst bank's
  --spec FILE         OpenAPI description to validate against (default: the profile's, else the bundled NextGenPSD2 1.3 description)
  --target URL        base URL of the bank's API (default: the profile's baseUrl, else the bundled bank started on a free port)
  --report-dir DIR    where the reports go (default: ./reports): report.html, report.json, junit.xml,
                      traffic.har, allure-results/
  --defect NAME       switch on a defect of the bundled bank (repeatable)
  --filter TEXT       run only test cases whose name matches TEXT (a regular expression)
  --timeout MS        time limit of one exchange, to the last byte of the answer (default: the
                      profile's timeouts.requestMs, 30000)
  --max-body BYTES    largest answer body kept; a larger one ends the exchange (default 10 MiB)
  --rerun-failed FILE run only the test cases that failed in a saved report.json
  --shard I/N         run part I of N (for parallel CI machines); its results go to --blob-dir
  --blob-dir DIR      where a shard's results go (default: REPORT_DIR/blob)
  --bundle            also write REPORT_DIR/xs2a-conformance-bundle.tar.gz (reports, traffic,
                      profile without secrets, spec hash, SHA256SUMS)
  --seed N            seed of the property tests (default: the profile's properties.seed, else one
                      derived from the profile's name; printed at the start of the run)
  --property-runs N   runs per property test (default: the profile's properties.runs, else 25)
  --quiet             print only the summary (also when CI=true)
  Ctrl-C (SIGINT) or SIGTERM stops the run: the reports hold what finished, marked partial.

merge options:
  --report-dir DIR    where the merged reports go (default: ./reports)
  --bundle            also write the certification bundle
  --quiet             print only the summary

check options:
  --spec FILE, --profile FILE, --report-dir DIR   as for run
  --base-path PATH    path prefix of the bank's API in the recorded URLs (e.g. /psd2; default: the profile's)
  --format har|jsonl  the file's format (default: by its extension)
  (exit 2 when the file is broken: the entries before the broken one are judged and reported)

proxy options:
  --target URL        the bank the traffic goes to (required)
  --port N            port to listen on (default 8081; 0 picks a free one)
  --host HOST         address to bind (default 127.0.0.1)
  --spec FILE, --profile FILE, --report-dir DIR   as for run; the reports are written on Ctrl-C

property options:
  --seed N, --path P  the seed and fast-check path of a counterexample (from report.json)
  --property-runs N, --target URL, --defect NAME, --profile FILE, --spec FILE, --timeout MS   as for run
  (exit 0 when the property holds, 1 when it fails)

certs options:
  --out DIR           where the PEM files go (ca, server, qwac, qsealc and their keys)
  --roles LIST        PSD2 roles of the QWAC and QSealC: PSP_AS, PSP_PI, PSP_AI, PSP_IC (default all)
  --nca-name NAME, --nca-id ID, --organization NAME, --organization-id ID   the QCStatement and subject
  --hosts LIST        host names and addresses of the server certificate (default 127.0.0.1,localhost,::1)

sandbox options:
  --port N            port to listen on (default 8080; 0 picks a free one)
  --host HOST         address to bind (default 127.0.0.1)
  --defect NAME       switch on a defect (repeatable); --list-defects lists them
  --mode NAME         the system the bank emulates: standard (default), mockbank, obp, bank-variant, mypos

lint options:
  --core FILE         the NextGenPSD2 description to compare with (default: the bundled 1.3 description)
  --format text|json  output (default text)
  (exit 0 when the spec keeps to the core, 1 when it deviates, 2 when a file is broken)

detect options:
  --defect NAME       try only this defect (repeatable; default: every defect)
  --out FILE          write the detection matrix as JSON
  --markdown FILE     write the checks and the matrix as Markdown (docs/CHECKS.md; every defect)
  --pool N            how many banks run at once (default 3)
  --quiet             print only the summary
  (exit 1 when a defect is not caught by the checks it names or the clean bank fails a check)

Exit codes: 0 conformant, 1 a MUST check or a flow failed, 2 usage or configuration error, 3 target unreachable,
130 / 143 run interrupted by SIGINT / SIGTERM (partial reports).
`;

/** A mistake in how the tool was called or configured: exit 2 with this message. */
export class UsageError extends Error {}

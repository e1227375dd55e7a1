// The smallest real-shaped inputs of a test stage run: a JUnit report with a passing and a failing
// case, and lcov with one covered and one uncovered line of the same file.

export const SMALL_JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="api" tests="2" failures="1">
  <testcase classname="api.Client" name="sends the header" file="src/client.ts" line="3"/>
  <testcase classname="api.Client" name="retries" file="src/client.ts" line="9"><failure message="timeout">stack</failure></testcase>
</testsuite>
`;

export const SMALL_LCOV = 'TN:\nSF:src/client.ts\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n';

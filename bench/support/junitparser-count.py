# The junitparser peer (pip install junitparser): parse a JUnit file and count its test cases.
import sys

from junitparser import JUnitXml

xml = JUnitXml.fromfile(sys.argv[1])
print(sum(1 for suite in xml for _ in suite))

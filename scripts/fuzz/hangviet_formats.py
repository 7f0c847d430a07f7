"""String formats of hangviet's OpenAPI documents that JSON Schema cannot spell, taught to schemathesis.

A format names a rule beyond JSON Schema. A check digit: the document says `format: certificate-number` (and the pattern
of its shape), the server refuses a wrong check digit with 422; without this, every generated value but
one in ten would be refused and the run could not tell a loose schema from an unlucky draw. A page token:
only the server issues one (bound to its query), so the one a client can send unasked is none. Loaded by
scripts/fuzz.mjs through SCHEMATHESIS_HOOKS.
"""

from hypothesis import strategies as st

import schemathesis


def _valid(number: str) -> bool:
    """ISO 7064 MOD 11,10, as python-stdnum and the server's `stdnum` check it."""
    check = 5
    for ch in number:
        check = (((check or 10) * 2) % 11 + int(ch)) % 10
    return check == 1


def _certificate_number(scheme: str, year: int, sequence: int) -> str:
    body = f"{year:04d}{sequence:06d}"
    digit = next(d for d in "0123456789" if _valid(body + d))
    return f"{scheme}-{body[:4]}-{body[4:]}-{digit}"


schemathesis.openapi.format(
    "certificate-number",
    st.builds(
        _certificate_number,
        st.sampled_from(["OCOP", "VIETGAP", "HVNCLC"]),
        st.integers(min_value=2000, max_value=2100),
        st.integers(min_value=1, max_value=999_999),
    ),
)

# An empty pageToken asks for the first page; any other made-up token is rightly refused.
schemathesis.openapi.format("page-token", st.just(""))


_MST_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def _tax_code(province: int, sequence: int, branch: int) -> str | None:
    """A Vietnamese tax code (mã số thuế) with its check digit, as libs/vn parseTaxCode accepts it."""
    nine = f"{province:02d}{sequence:07d}"
    check = 10 - sum(int(d) * w for d, w in zip(nine, _MST_WEIGHTS)) % 11
    if check == 10:
        return None  # no valid check digit for these nine digits
    code = f"{nine}{check}"
    return code if branch == 0 else f"{code}-{branch:03d}"


schemathesis.openapi.format(
    "tax-code",
    st.builds(
        _tax_code,
        st.integers(min_value=1, max_value=96),
        st.integers(min_value=1, max_value=9_999_999),
        st.one_of(st.just(0), st.integers(min_value=1, max_value=999)),
    ).filter(lambda code: code is not None),
)

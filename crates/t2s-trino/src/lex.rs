//! A fast tokenizer for the common case of Trino SQL, producing the tokens (and spans) that
//! sqlparser's tokenizer produces for [`TrinoDialect`](crate::dialect::TrinoDialect), less the
//! plain whitespace tokens (space, tab, newline: one per character in sqlparser, often most of
//! the tokens of an indented query). Nothing downstream needs those: the parser skips them, and
//! the pre-scan (parse.rs) tells adjacent tokens by their spans, never by a whitespace token
//! between them. Comments are kept.
//!
//! sqlparser's tokenizer walks a `Peekable<Chars>` with a line/column update per character and
//! builds each token's text a character at a time; it was about a sixth of a translation. This
//! one scans bytes and copies each token's text once. It covers what queries are made of
//! (words, quoted identifiers, strings, plain numbers, comments, the usual operators); on
//! anything else (a prefixed string such as `X'..'`, an exponent, `$`, `&`, a non-ASCII letter
//! outside quotes, a carriage return, an unterminated string or comment, …) it gives up and the
//! caller tokenizes with sqlparser, which also reports the errors. So the output never depends
//! on which tokenizer ran: the unit tests compare the two on the corpus and on random inputs.

use std::borrow::Cow;

use sqlparser::keywords::{Keyword, ALL_KEYWORDS, ALL_KEYWORDS_INDEX};
use sqlparser::tokenizer::{Location, Span, Token, TokenWithSpan, Whitespace, Word};

/// Appends the tokens of `sql` (plain whitespace left out) to `out` and returns true, or
/// returns false (leaving `out` in an unspecified state) when the input holds something this
/// tokenizer leaves to sqlparser. sqlparser's owned tokens, for tests and the `lex` fuzz
/// target; the parser reads [`tokenize_borrowed`]'s.
pub fn tokenize(sql: &str, out: &mut Vec<TokenWithSpan>) -> bool {
    let mut v = Vec::new();
    if !tokenize_borrowed(sql, &mut v, &mut Lines::default()) {
        return false;
    }
    out.extend(v.iter().map(Tw::to_owned_token));
    true
}

/// A token as [`tokenize_borrowed`] gives it: sqlparser's token, but its text borrowed from
/// the source (or from sqlparser's owned token, [`Tw::borrow`]), so a keyword or a name the
/// parser does not keep allocates nothing. Only what our parser (`fast.rs`) reads has a
/// variant of its own; every other token of sqlparser's is `Other`.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok<'a> {
    Word(W<'a>),
    Number(&'a str, bool),
    SingleQuotedString(Cow<'a, str>),
    DoubleQuotedString(&'a str),
    HexStringLiteral(&'a str),
    /// `-- text` up to the end of the line (the text without `--`).
    LineComment(&'a str),
    /// `/* text */` (the text without the delimiters).
    BlockComment(&'a str),
    LParen,
    RParen,
    Comma,
    SemiColon,
    LBracket,
    RBracket,
    Period,
    Plus,
    Minus,
    Mul,
    Div,
    Mod,
    StringConcat,
    Eq,
    DoubleEq,
    Neq,
    Lt,
    LtEq,
    Gt,
    GtEq,
    Colon,
    DoubleColon,
    Assignment,
    Arrow,
    RArrow,
    EOF,
    /// Any other token of sqlparser's (only from [`Tw::borrow`]).
    Other(&'a Token),
}

/// A word: sqlparser's `Word`, its text borrowed.
#[derive(Debug, Clone, PartialEq)]
pub struct W<'a> {
    /// The text (a name with a doubled quote, `"a""b"`, the one kind that would need a copy
    /// without the doubled quote, is left to sqlparser's tokenizer).
    pub value: &'a str,
    pub quote_style: Option<char>,
    pub keyword: Keyword,
}

impl W<'_> {
    /// sqlparser's `Word::to_ident`.
    pub fn to_ident(&self, span: Span) -> sqlparser::ast::Ident {
        sqlparser::ast::Ident {
            value: self.value.to_string(),
            quote_style: self.quote_style,
            span,
        }
    }

    pub fn to_word(&self) -> Word {
        Word {
            value: self.value.to_string(),
            quote_style: self.quote_style,
            keyword: self.keyword,
        }
    }
}

/// A token with its span: [`TokenWithSpan`], its text borrowed.
#[derive(Debug, Clone, PartialEq)]
pub struct Tw<'a> {
    pub token: Tok<'a>,
    pub span: Span,
}

impl<'a> Tw<'a> {
    /// sqlparser's token, owned.
    pub fn to_owned_token(&self) -> TokenWithSpan {
        TokenWithSpan {
            token: self.token.to_token(),
            span: self.span,
        }
    }

    /// An owned token of sqlparser's, borrowed.
    pub fn borrow(t: &'a TokenWithSpan) -> Self {
        let token = match &t.token {
            Token::Word(w) => Tok::Word(W {
                value: &w.value,
                quote_style: w.quote_style,
                keyword: w.keyword,
            }),
            Token::Number(n, l) => Tok::Number(n, *l),
            Token::SingleQuotedString(s) => Tok::SingleQuotedString(Cow::Borrowed(s)),
            Token::DoubleQuotedString(s) => Tok::DoubleQuotedString(s),
            Token::HexStringLiteral(s) => Tok::HexStringLiteral(s),
            Token::LParen => Tok::LParen,
            Token::RParen => Tok::RParen,
            Token::Comma => Tok::Comma,
            Token::SemiColon => Tok::SemiColon,
            Token::LBracket => Tok::LBracket,
            Token::RBracket => Tok::RBracket,
            Token::Period => Tok::Period,
            Token::Plus => Tok::Plus,
            Token::Minus => Tok::Minus,
            Token::Mul => Tok::Mul,
            Token::Div => Tok::Div,
            Token::Mod => Tok::Mod,
            Token::StringConcat => Tok::StringConcat,
            Token::Eq => Tok::Eq,
            Token::DoubleEq => Tok::DoubleEq,
            Token::Neq => Tok::Neq,
            Token::Lt => Tok::Lt,
            Token::LtEq => Tok::LtEq,
            Token::Gt => Tok::Gt,
            Token::GtEq => Tok::GtEq,
            Token::Colon => Tok::Colon,
            Token::DoubleColon => Tok::DoubleColon,
            Token::Assignment => Tok::Assignment,
            Token::Arrow => Tok::Arrow,
            Token::RArrow => Tok::RArrow,
            Token::EOF => Tok::EOF,
            other => Tok::Other(other),
        };
        Tw {
            token,
            span: t.span,
        }
    }

    /// A comment (or, from sqlparser's tokens, any whitespace).
    pub fn is_trivia(&self) -> bool {
        matches!(
            self.token,
            Tok::LineComment(_) | Tok::BlockComment(_) | Tok::Other(Token::Whitespace(_))
        )
    }
}

impl Tok<'_> {
    /// sqlparser's token, owned.
    pub fn to_token(&self) -> Token {
        match self {
            Tok::Word(w) => Token::Word(w.to_word()),
            Tok::Number(n, l) => Token::Number(n.to_string(), *l),
            Tok::SingleQuotedString(s) => Token::SingleQuotedString(s.to_string()),
            Tok::DoubleQuotedString(s) => Token::DoubleQuotedString(s.to_string()),
            Tok::HexStringLiteral(s) => Token::HexStringLiteral(s.to_string()),
            Tok::LineComment(c) => Token::Whitespace(Whitespace::SingleLineComment {
                comment: c.to_string(),
                prefix: "--".to_owned(),
            }),
            Tok::BlockComment(c) => Token::Whitespace(Whitespace::MultiLineComment(c.to_string())),
            Tok::LParen => Token::LParen,
            Tok::RParen => Token::RParen,
            Tok::Comma => Token::Comma,
            Tok::SemiColon => Token::SemiColon,
            Tok::LBracket => Token::LBracket,
            Tok::RBracket => Token::RBracket,
            Tok::Period => Token::Period,
            Tok::Plus => Token::Plus,
            Tok::Minus => Token::Minus,
            Tok::Mul => Token::Mul,
            Tok::Div => Token::Div,
            Tok::Mod => Token::Mod,
            Tok::StringConcat => Token::StringConcat,
            Tok::Eq => Token::Eq,
            Tok::DoubleEq => Token::DoubleEq,
            Tok::Neq => Token::Neq,
            Tok::Lt => Token::Lt,
            Tok::LtEq => Token::LtEq,
            Tok::Gt => Token::Gt,
            Tok::GtEq => Token::GtEq,
            Tok::Colon => Token::Colon,
            Tok::DoubleColon => Token::DoubleColon,
            Tok::Assignment => Token::Assignment,
            Tok::Arrow => Token::Arrow,
            Tok::RArrow => Token::RArrow,
            Tok::EOF => Token::EOF,
            Tok::Other(t) => (*t).clone(),
        }
    }
}

impl std::fmt::Display for Tok<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.to_token().fmt(f)
    }
}

/// Where each line of the source starts (byte offsets) and whether it is all ASCII: what
/// parse.rs's line index holds, found on the way by [`tokenize_borrowed`]; also where the
/// tokens are that parse.rs's pre-scan reads.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Lines {
    pub starts: Vec<usize>,
    pub ascii: Vec<bool>,
    /// The indices of the tokens the pre-scan of our tokenizer's tokens (parse.rs) reads, in
    /// order: `;`, comments, numbers and the words of [`prescan_keyword`] (the others it
    /// passes over).
    pub marks: Vec<usize>,
    /// Whether the current line is ASCII so far.
    current_ascii: bool,
}

impl Lines {
    fn newline_at(&mut self, i: usize) {
        self.starts.push(i + 1);
        self.ascii.push(self.current_ascii);
        self.current_ascii = true;
    }
}

/// [`tokenize`], the tokens' text borrowed from `sql`; also fills `lines` (when it returns
/// true).
pub fn tokenize_borrowed<'a>(sql: &'a str, out: &mut Vec<Tw<'a>>, lines: &mut Lines) -> bool {
    lines.starts.clear();
    lines.ascii.clear();
    lines.marks.clear();
    lines.starts.reserve(sql.len() / 32 + 2);
    lines.ascii.reserve(sql.len() / 32 + 2);
    // The TPC queries have a mark per 90 bytes or so (mostly `FROM`, `JOIN` and numbers).
    lines.marks.reserve(sql.len() / 32 + 2);
    lines.starts.push(0);
    lines.current_ascii = true;
    let keywords = keyword_table();
    let b = sql.as_bytes();
    let n = b.len();
    let at = |k: usize| -> u8 {
        if k < n {
            b[k]
        } else {
            0
        }
    };
    let mut i = 0usize;
    let mut line = 1u64;
    // The column (sqlparser's: a character count from 1) of byte `k` of the current line is
    // `k + 1 - line_base`: `line_base` is where the line starts, moved on by the extra bytes
    // of each multi-byte character before `k` ([`advance`]), so no token updates a column.
    let mut line_base = 0usize;
    while i < n {
        let c = b[i];
        // Where the token starts (its column is found when it is pushed, from the same line's
        // `line_base`, but for the tokens that may cross a line or hold a multi-byte character:
        // those note their start before `advance`).
        let s0 = i;
        // Pushes a token that ends at `i` and goes on with the next (each arm pushes its own,
        // so that the token is written once, in place, rather than staged for a shared push).
        macro_rules! emit {
            ($token:expr) => {{
                emit!(
                    Location {
                        line,
                        column: (s0 + 1 - line_base) as u64,
                    },
                    $token
                )
            }};
            ($start:expr, $token:expr) => {{
                out.push(Tw {
                    token: $token,
                    span: Span::new(
                        $start,
                        Location {
                            line,
                            column: (i + 1 - line_base) as u64,
                        },
                    ),
                });
                // The spaces after a token: skipped here rather than by a turn of the loop.
                while i < n && b[i] == b' ' {
                    i += 1;
                }
                continue;
            }};
        }
        match c {
            b' ' => {
                i += 1;
                while i < n && b[i] == b' ' {
                    i += 1;
                }
                continue;
            }
            b'\n' => {
                lines.newline_at(i);
                line += 1;
                i += 1;
                line_base = i;
                // Indentation (most of a query's bytes): eight spaces at a time.
                while let Some(chunk) = b.get(i..i + 8) {
                    if chunk != b"        " {
                        break;
                    }
                    i += 8;
                }
                while i < n && b[i] == b' ' {
                    i += 1;
                }
                continue;
            }
            b'\t' => {
                i += 1;
                continue;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let s = i;
                i += 1;
                while i < n && WORD_BYTE[b[i] as usize] {
                    i += 1;
                }
                // A non-ASCII letter continues the word; a quote may make a prefixed literal.
                if matches!(at(i), 0x80..=0xff | b'\'' | b'"' | b'&') {
                    return false;
                }
                let (keyword, mark) = keywords.lookup(b, s, i);
                if mark {
                    lines.marks.push(out.len());
                }
                emit!(Tok::Word(W {
                    keyword,
                    value: &sql[s..i],
                    quote_style: None,
                }))
            }
            b'0'..=b'9' => {
                let s = i;
                while i < n && b[i].is_ascii_digit() {
                    i += 1;
                }
                if at(i) == b'.' {
                    i += 1;
                    while i < n && b[i].is_ascii_digit() {
                        i += 1;
                    }
                }
                // Exponents, `L`, `0x`, `_` separators, a second `.`: left to sqlparser.
                if at(i).is_ascii_alphanumeric() || matches!(at(i), b'_' | b'.' | 0x80..=0xff) {
                    return false;
                }
                lines.marks.push(out.len());
                emit!(Tok::Number(&sql[s..i], false))
            }
            b'.' => {
                if at(i + 1).is_ascii_digit() || at(i + 1) == b'_' {
                    return false;
                }
                i += 1;
                emit!(Tok::Period)
            }
            b'\'' | b'"' => {
                // `'…'` with `''` for a quote (no backslash escapes in Trino); `"…"` likewise.
                // Mostly ASCII on one line without a doubled quote: one scan, no copy.
                let mut k = plain_quoted_end(b, i + 1);
                while k < n && PLAIN_QUOTED[b[k] as usize] {
                    k += 1;
                }
                if k < n && b[k] == c && at(k + 1) != c {
                    let value = &sql[i + 1..k];
                    i = k + 1;
                    if c == b'\'' {
                        emit!(Tok::SingleQuotedString(Cow::Borrowed(value)))
                    } else {
                        emit!(Tok::Word(W {
                            value,
                            quote_style: Some('"'),
                            keyword: Keyword::NoKeyword,
                        }))
                    }
                } else {
                    let mut j = i + 1;
                    let Some(q) = b[j..].iter().position(|&x| x == c) else {
                        return false; // unterminated: sqlparser reports it
                    };
                    let q = j + q;
                    // Usually no doubled quote: the text is allocated once, at its size. A
                    // name with one (`"a""b"`) is left to sqlparser.
                    if c == b'"' && at(q + 1) == c {
                        return false;
                    }
                    let value = if at(q + 1) != c {
                        j = q + 1;
                        Cow::Borrowed(&sql[i + 1..q])
                    } else {
                        let mut value = String::with_capacity(q - i + 8);
                        value.push_str(&sql[j..q]);
                        value.push(c as char);
                        j = q + 2;
                        loop {
                            let Some(q) = b[j..].iter().position(|&x| x == c) else {
                                return false;
                            };
                            let q = j + q;
                            value.push_str(&sql[j..q]);
                            if at(q + 1) == c {
                                value.push(c as char);
                                j = q + 2;
                            } else {
                                j = q + 1;
                                break;
                            }
                        }
                        Cow::Owned(value)
                    };
                    let start = Location {
                        line,
                        column: (s0 + 1 - line_base) as u64,
                    };
                    advance(sql, i..j, &mut line, &mut line_base, lines);
                    i = j;
                    if c == b'\'' {
                        emit!(start, Tok::SingleQuotedString(value))
                    } else {
                        let Cow::Borrowed(value) = value else {
                            return false;
                        };
                        emit!(
                            start,
                            Tok::Word(W {
                                value,
                                quote_style: Some('"'),
                                keyword: Keyword::NoKeyword,
                            })
                        )
                    }
                }
            }
            b'-' => match at(i + 1) {
                b'-' => {
                    // To the end of the line, the newline not included.
                    let e = b[i..].iter().position(|&x| x == b'\n').map_or(n, |p| i + p);
                    if b[i..e].contains(&b'\r') {
                        return false;
                    }
                    let comment = &sql[i + 2..e];
                    let start = Location {
                        line,
                        column: (s0 + 1 - line_base) as u64,
                    };
                    advance(sql, i..e, &mut line, &mut line_base, lines);
                    i = e;
                    lines.marks.push(out.len());
                    emit!(start, Tok::LineComment(comment))
                }
                b'>' => {
                    if at(i + 2) == b'>' {
                        return false;
                    }
                    i += 2;
                    emit!(Tok::Arrow)
                }
                _ => {
                    i += 1;
                    emit!(Tok::Minus)
                }
            },
            b'/' => {
                if at(i + 1) == b'*' {
                    let Some(p) = find(&b[i + 2..], b"*/") else {
                        return false; // unterminated: sqlparser reports it
                    };
                    let e = i + 2 + p;
                    let comment = &sql[i + 2..e];
                    let start = Location {
                        line,
                        column: (s0 + 1 - line_base) as u64,
                    };
                    advance(sql, i..e + 2, &mut line, &mut line_base, lines);
                    i = e + 2;
                    lines.marks.push(out.len());
                    emit!(start, Tok::BlockComment(comment))
                } else {
                    i += 1;
                    emit!(Tok::Div)
                }
            }
            b'|' => {
                if at(i + 1) != b'|' || at(i + 2) == b'/' {
                    return false;
                }
                i += 2;
                emit!(Tok::StringConcat)
            }
            b'=' => {
                let (t, w) = match at(i + 1) {
                    b'>' => (Tok::RArrow, 2),
                    b'=' => (Tok::DoubleEq, 2),
                    _ => (Tok::Eq, 1),
                };
                i += w;
                emit!(t)
            }
            b'!' => {
                if at(i + 1) != b'=' {
                    return false;
                }
                i += 2;
                emit!(Tok::Neq)
            }
            b'<' => {
                let (t, w) = match at(i + 1) {
                    b'=' if at(i + 2) == b'>' => return false,
                    b'=' => (Tok::LtEq, 2),
                    b'>' => (Tok::Neq, 2),
                    b'<' | b'@' | b'|' | b'^' | b'-' => return false,
                    _ => (Tok::Lt, 1),
                };
                i += w;
                emit!(t)
            }
            b'>' => {
                let (t, w) = match at(i + 1) {
                    b'=' => (Tok::GtEq, 2),
                    b'>' | b'^' => return false,
                    _ => (Tok::Gt, 1),
                };
                i += w;
                emit!(t)
            }
            b':' => {
                let (t, w) = match at(i + 1) {
                    b':' => (Tok::DoubleColon, 2),
                    b'=' => return false,
                    _ => (Tok::Colon, 1),
                };
                i += w;
                emit!(t)
            }
            b'(' => {
                i += 1;
                emit!(Tok::LParen)
            }
            b')' => {
                i += 1;
                emit!(Tok::RParen)
            }
            b',' => {
                i += 1;
                emit!(Tok::Comma)
            }
            b';' => {
                i += 1;
                lines.marks.push(out.len());
                emit!(Tok::SemiColon)
            }
            b'[' => {
                i += 1;
                emit!(Tok::LBracket)
            }
            b']' => {
                i += 1;
                emit!(Tok::RBracket)
            }
            b'+' => {
                i += 1;
                emit!(Tok::Plus)
            }
            b'*' => {
                i += 1;
                emit!(Tok::Mul)
            }
            b'%' => {
                i += 1;
                emit!(Tok::Mod)
            }
            _ => return false,
        }
    }
    lines.ascii.push(lines.current_ascii);
    true
}

/// sqlparser's tokens for `sql` less the plain whitespace (what [`tokenize`] must give when it
/// does not give up), or None when sqlparser reports an error. For tests and the `lex` fuzz
/// target.
pub fn reference_tokens(sql: &str) -> Option<Vec<TokenWithSpan>> {
    let mut v = Vec::new();
    sqlparser::tokenizer::Tokenizer::new(&crate::dialect::TrinoDialect, sql)
        .tokenize_with_location_into_buf(&mut v)
        .ok()?;
    v.retain(|t| {
        !matches!(
            t.token,
            Token::Whitespace(Whitespace::Space | Whitespace::Tab | Whitespace::Newline)
        )
    });
    Some(v)
}

/// The bytes that continue an unquoted word: ASCII letters, digits and `_`.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'_';
        c += 1;
    }
    t
};

/// The bytes inside quotes that [`tokenize_borrowed`] takes in one scan: ASCII, no quote, no
/// line break (a column each).
static PLAIN_QUOTED: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = !matches!(c as u8, b'\'' | b'"' | b'\n' | b'\r');
        c += 1;
    }
    t
};

/// Skips [`PLAIN_QUOTED`] bytes from `k` eight at a time (most quoted names are short, so a
/// byte loop cost several instructions per byte): returns the first byte not in the table, or
/// where fewer than eight bytes are left (the caller's byte loop takes the rest).
fn plain_quoted_end(b: &[u8], mut k: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // The high bit of each byte of `w` equal to `c`; only bytes above the lowest match
    // may be flagged wrongly, so the lowest flagged byte is exact.
    let eq = |w: u64, c: u8| {
        let x = w ^ (ONES * u64::from(c));
        x.wrapping_sub(ONES) & !x & HIGH
    };
    while let Some(chunk) = b.get(k..k + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let stop = (w & HIGH) | eq(w, b'\'') | eq(w, b'"') | eq(w, b'\n') | eq(w, b'\r');
        if stop != 0 {
            return k + (stop.trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    k
}

/// Moves the position over `text` (`sql[range]`) as sqlparser does: a line per `\n`, a column
/// per character (`line_base` is [`tokenize_borrowed`]'s: it moves on by a byte per UTF-8
/// continuation byte). Also notes the lines `text` ends and whether they are ASCII.
fn advance(
    sql: &str,
    range: std::ops::Range<usize>,
    line: &mut u64,
    line_base: &mut usize,
    lines: &mut Lines,
) {
    let base = range.start;
    let text = &sql[range];
    // Most strings and comments are on one line: count their characters at once.
    if !text.as_bytes().contains(&b'\n') {
        let chars = text.chars().count();
        if chars != text.len() {
            lines.current_ascii = false;
        }
        *line_base += text.len() - chars;
        return;
    }
    for (k, &x) in text.as_bytes().iter().enumerate() {
        if x == b'\n' {
            *line += 1;
            *line_base = base + k + 1;
            lines.newline_at(base + k);
        } else if x >= 0x80 {
            lines.current_ascii = false;
            if x & 0xC0 == 0x80 {
                // A UTF-8 continuation byte: no new character.
                *line_base += 1;
            }
        }
    }
}

/// The keywords whose unquoted words parse.rs's pre-scan of our tokenizer's tokens reads
/// (its test checks that reading only the marked tokens, [`Lines::marks`], changes nothing).
pub(crate) fn prescan_keyword(k: Keyword) -> bool {
    matches!(
        k,
        Keyword::UNION
            | Keyword::INTERSECT
            | Keyword::EXCEPT
            | Keyword::GROUP
            | Keyword::UNNEST
            | Keyword::VALUES
            | Keyword::FOR
            | Keyword::JOIN
            | Keyword::FROM
            | Keyword::INTO
    )
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The keyword an unquoted ASCII word is, as sqlparser's tokenizer finds it (its binary search
/// over all keywords costs ten string comparisons per word; here, mostly one probe of
/// [`KeywordTable`]).
#[cfg(test)]
fn keyword(word: &str) -> Keyword {
    keyword_table().lookup(word.as_bytes(), 0, word.len()).0
}

/// The keywords in an open-addressing hash table keyed by a word's first 16 bytes,
/// upper-cased, and its length ([`word_key`]); each with whether [`prescan_keyword`] marks it.
struct KeywordTable {
    slots: Vec<KeywordSlot>,
}

#[derive(Clone, Copy)]
struct KeywordSlot {
    lo: u64,
    hi: u64,
    /// The keyword's length; 0 for an empty slot.
    len: u32,
    /// Its index in `ALL_KEYWORDS` (for words longer than 16 bytes).
    index: u16,
    keyword: Keyword,
    mark: bool,
}

/// log2 of [`KeywordTable`]'s slot count (about four times the keywords: few collisions).
const KEYWORD_BITS: u32 = 12;

fn keyword_table() -> &'static KeywordTable {
    static TABLE: std::sync::OnceLock<KeywordTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let empty = KeywordSlot {
            lo: 0,
            hi: 0,
            len: 0,
            index: 0,
            keyword: Keyword::NoKeyword,
            mark: false,
        };
        let mut slots = vec![empty; 1 << KEYWORD_BITS];
        for (index, (k, kw)) in ALL_KEYWORDS.iter().zip(ALL_KEYWORDS_INDEX).enumerate() {
            // Only a keyword made of word bytes can be a word (and `word_key` assumes them).
            if k.is_empty() || !k.bytes().all(|c| WORD_BYTE[c as usize]) {
                continue;
            }
            let (lo, hi) = word_key(k.as_bytes(), 0, k.len());
            let mut h = keyword_hash(lo, hi, k.len());
            while slots[h].len != 0 {
                h = (h + 1) & ((1 << KEYWORD_BITS) - 1);
            }
            slots[h] = KeywordSlot {
                lo,
                hi,
                len: k.len() as u32,
                index: index as u16,
                keyword: *kw,
                mark: prescan_keyword(*kw),
            };
        }
        KeywordTable { slots }
    })
}

fn keyword_hash(lo: u64, hi: u64, len: usize) -> usize {
    let x = (lo ^ hi.rotate_left(23)).wrapping_add(len as u64);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - KEYWORD_BITS)) as usize
}

/// The first 16 bytes of the word `b[s..e]` (made of [`WORD_BYTE`]s), upper-cased, as two
/// little-endian integers, zero past the word's end.
#[inline]
fn word_key(b: &[u8], s: usize, e: usize) -> (u64, u64) {
    let m = (e - s).min(16);
    // Eight bytes from `k` as a little-endian integer (zero past the end of `b`).
    let load = |k: usize| match b.get(k..k + 8) {
        Some(c) => u64::from_le_bytes(c.try_into().unwrap_or([0; 8])),
        None => b
            .get(k..)
            .unwrap_or_default()
            .iter()
            .rev()
            .fold(0, |w, &x| w << 8 | u64::from(x)),
    };
    let (lo, hi) = if m <= 8 {
        (load(s) & (u64::MAX >> (64 - 8 * m)), 0)
    } else {
        (load(s), load(s + 8) & (u64::MAX >> (128 - 8 * m)))
    };
    // Among word bytes, the lower-case letters are those with both 0x40 and 0x20 set
    // (0x61..=0x7A): clearing their 0x20 upper-cases them.
    let upper = |w: u64| w & !((w >> 1) & w & u64::from_ne_bytes([0x20; 8]));
    (upper(lo), upper(hi))
}

impl KeywordTable {
    /// The keyword the word `b[s..e]` is, and whether the pre-scan reads it
    /// ([`prescan_keyword`]).
    fn lookup(&self, b: &[u8], s: usize, e: usize) -> (Keyword, bool) {
        let len = e - s;
        let (lo, hi) = word_key(b, s, e);
        let mut h = keyword_hash(lo, hi, len);
        loop {
            let slot = &self.slots[h];
            if slot.len == 0 {
                return (Keyword::NoKeyword, false);
            }
            if slot.lo == lo
                && slot.hi == hi
                && slot.len as usize == len
                && (len <= 16
                    || ALL_KEYWORDS[slot.index as usize]
                        .as_bytes()
                        .eq_ignore_ascii_case(&b[s..e]))
            {
                return (slot.keyword, slot.mark);
            }
            h = (h + 1) & ((1 << KEYWORD_BITS) - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast tokenizer either gives up or agrees with sqlparser, token for token and span
    /// for span. Returns whether it handled the input.
    fn agrees(sql: &str) -> bool {
        let mut fast = Vec::new();
        if !tokenize(sql, &mut fast) {
            return false;
        }
        let slow = reference_tokens(sql)
            .unwrap_or_else(|| panic!("fast tokenizer accepted what sqlparser rejects: {sql:?}"));
        assert_eq!(fast.len(), slow.len(), "token count for {sql:?}");
        for (f, s) in fast.iter().zip(&slow) {
            assert_eq!(f.token, s.token, "token in {sql:?}");
            assert_eq!(f.span, s.span, "span of {:?} in {sql:?}", f.token);
        }
        true
    }

    /// `dialect::is_reserved`, which compares only the non-keyword reserved words when a word
    /// has no keyword, answers as the full list does for every word our tokenizer makes.
    #[test]
    fn reserved_by_keyword_as_by_the_list() {
        let words = crate::dialect::RESERVED_WORDS
            .iter()
            .chain(ALL_KEYWORDS)
            .chain(&["json_valuex", "listag", "ss_sold_date_sk", "x"]);
        for w in words {
            for v in [w.to_string(), w.to_ascii_lowercase(), format!("{w}_1")] {
                let word = Word {
                    keyword: keyword(&v),
                    value: v.clone(),
                    quote_style: None,
                };
                assert_eq!(
                    crate::dialect::is_reserved(&word),
                    crate::dialect::is_reserved_word(&v),
                    "{v}"
                );
            }
        }
    }

    /// Every keyword, in three casings, and words that are none, look up as sqlparser's
    /// tokenizer does.
    /// The eight-at-a-time scan stops where the byte loop over [`PLAIN_QUOTED`] would, or
    /// before it with fewer than eight bytes left.
    #[test]
    fn plain_quoted_end_agrees_with_the_table() {
        let alphabet = b"ab_ 1'\"\n\r\t\x80\xc3\xa9\x7f\x00\x01\xff";
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for len in 0..40 {
            for _ in 0..200 {
                let b: Vec<u8> = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        // Mostly plain bytes, so that runs are long.
                        if seed.is_multiple_of(4) {
                            alphabet[(seed >> 8) as usize % alphabet.len()]
                        } else {
                            b'a' + (seed >> 8) as u8 % 26
                        }
                    })
                    .collect();
                for start in 0..=len {
                    let mut slow = start;
                    while slow < len && PLAIN_QUOTED[b[slow] as usize] {
                        slow += 1;
                    }
                    let fast = plain_quoted_end(&b, start);
                    assert!(
                        fast <= slow && (fast == slow || fast + 8 > len),
                        "{b:?} {start}"
                    );
                    assert!(b[start..fast].iter().all(|&x| PLAIN_QUOTED[x as usize]));
                }
            }
        }
    }

    #[test]
    fn keywords_as_sqlparser_finds_them() {
        let mut words: Vec<String> = Vec::new();
        for k in ALL_KEYWORDS {
            words.push(k.to_string());
            words.push(k.to_ascii_lowercase());
            let mut mixed = k.to_ascii_lowercase();
            if let Some(c) = mixed.get_mut(0..1) {
                c.make_ascii_uppercase();
            }
            words.push(mixed);
            words.push(format!("{k}X"));
            words.push(k[..k.len() - 1].to_string());
        }
        words.extend(["_", "a", "l_orderkey", "x_1", "select_", "_select"].map(String::from));
        for w in words {
            if w.is_empty() || !w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                continue;
            }
            let Token::Word(reference) = Token::make_word(&w, None) else {
                unreachable!()
            };
            assert_eq!(keyword(&w), reference.keyword, "{w}");
        }
    }

    #[test]
    fn agrees_with_sqlparser_on_the_edges() {
        let handled = [
            "",
            "SELECT a, b FROM t WHERE x >= 1.5 AND y <> 'it''s' -- done",
            "select \"Quoted id\", 'multi\nline', 1. , 42 from t\n\n",
            "/* a\n comment * / */ x->x+1, a||b, c::int, m['k'], f(a => 1), 3 % 2 != 4",
            "'héllo wörld' \"ünï\" -- ç\n/* ß\n */ x",
            "a.b.c, t.*, count(*), x<=y, x<y, x>y, x=y, x==y, -1, a-b, a/b",
            "\t\tSELECT\t1;\n;SELECT 2;",
            "--\n--x",
            "x -- trailing comment without newline",
        ];
        for s in handled {
            assert!(agrees(s), "the fast tokenizer gave up on {s:?}");
        }
        // Left to sqlparser: each of these must make the fast tokenizer give up.
        let declined = [
            "X'0a'",
            "n'abc'",
            "select \"Quoted \"\" id\"",
            "U&'\\0041'",
            "1e5",
            "1.5E-3",
            "10L",
            "0x1F",
            "1_000",
            ".5",
            "t._x",
            "1.2.3",
            "a\r\nb",
            "'unterminated",
            "\"unterminated",
            "/* unterminated",
            "$1",
            "a & b",
            "a | b",
            "a >> b",
            "a <=> b",
            "x ->> 'k'",
            "café",
            "?",
            "a\u{a0}b",
        ];
        for s in declined {
            let mut v = Vec::new();
            assert!(!tokenize(s, &mut v), "the fast tokenizer took {s:?}");
        }
    }

    #[test]
    fn agrees_with_sqlparser_on_the_corpus() {
        let files = crate::corpus_files();
        let mut handled = 0;
        for f in &files {
            let sql = std::fs::read_to_string(f).unwrap();
            if agrees(&sql) {
                handled += 1;
            }
        }
        // Most real queries take the fast path (else it would not be worth having).
        assert!(
            handled * 10 >= files.len() * 8,
            "{handled} of {} files",
            files.len()
        );
    }

    #[test]
    fn agrees_with_sqlparser_on_random_inputs() {
        const PIECES: &[&str] = &[
            " ",
            "\n",
            "\t",
            "\r",
            "'",
            "''",
            "\"",
            "--",
            "/*",
            "*/",
            "*",
            "/",
            "-",
            ">",
            "<",
            "=",
            "!",
            "|",
            ":",
            ".",
            ",",
            ";",
            "(",
            ")",
            "[",
            "]",
            "+",
            "%",
            "&",
            "$",
            "?",
            "_",
            "e",
            "E",
            "L",
            "x",
            "X",
            "n",
            "U",
            "select",
            "a1",
            "0",
            "7",
            "12",
            "3.",
            ".4",
            "é",
            "ß",
            "\u{a0}",
            "\u{1F600}",
            "\\",
            "@",
            "#",
            "^",
            "~",
            "{",
            "}",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut handled = 0;
        for _ in 0..40_000 {
            let len = (next() % 12) as usize;
            let s: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            if agrees(&s) {
                handled += 1;
            }
        }
        assert!(
            handled > 1_000,
            "only {handled} random inputs took the fast path"
        );
    }
}

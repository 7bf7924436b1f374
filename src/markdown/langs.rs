//! Which syntax a fence's language names: syntect's defaults plus bat's syntax pack
//! (`two-face`: TOML, shells, PowerShell, Dockerfile, INI, and many more), with the aliases
//! docs authors use (`sh`, `shell`, `console`, `json5`, `ps1`, ...).
//!
//! A name nothing knows is reported by the caller with the closest known name, so a typo
//! (`ruts`) or an unsupported language never silently loses its highlighting.

use std::sync::LazyLock;

use syntect::parsing::{SyntaxReference, SyntaxSet};

/// The syntax set, loaded once per process and only when a block names a language.
pub(crate) static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(two_face::syntax::extra_newlines);

/// What a fence's language resolves to.
pub(crate) enum Lang {
    /// No language, or one that means plain text (`text`, `txt`, `plain`, `output`).
    Plain,
    /// A terminal session: prompt lines (`$ cmd`) are shell, the rest is output.
    Console,
    /// A known syntax.
    Known(&'static SyntaxReference),
    /// Nothing knows it; the closest known name, if any is close.
    Unknown(Option<String>),
}

/// Names that mean plain text.
const PLAIN: &[&str] = &[
    "",
    "text",
    "txt",
    "plain",
    "plaintext",
    "output",
    "none",
    "nohighlight",
];
/// Names of a terminal session.
const CONSOLE: &[&str] = &[
    "console",
    "shell-session",
    "shellsession",
    "terminal",
    "sh-session",
];
/// Common names the syntax set spells differently: (alias, token it knows).
const ALIASES: &[(&str, &str)] = &[
    ("shell", "bash"),
    ("zsh", "bash"),
    ("ksh", "bash"),
    ("posix", "bash"),
    ("json5", "json"),
    ("jsonc", "json"),
    ("powershell", "ps1"),
    ("pwsh", "ps1"),
    ("ps", "ps1"),
    ("docker", "Dockerfile"),
    ("dockerfile", "Dockerfile"),
    ("c++", "cpp"),
    ("csharp", "cs"),
    ("c#", "cs"),
    ("golang", "go"),
    ("kotlin", "kt"),
    ("patch", "diff"),
    ("cfg", "ini"),
    ("conf", "ini"),
    ("make", "makefile"),
    ("vue", "html"),
    ("jsx", "js"),
];

/// Resolves a fence's language token (the part before any `,` or space).
pub(crate) fn find(token: &str) -> Lang {
    let lower = token.to_ascii_lowercase();
    if PLAIN.contains(&lower.as_str()) {
        return Lang::Plain;
    }
    if CONSOLE.contains(&lower.as_str()) {
        return Lang::Console;
    }
    let token = ALIASES
        .iter()
        .find(|(a, _)| *a == lower)
        .map_or(token, |(_, t)| t);
    let set: &'static SyntaxSet = &SYNTAXES;
    match set
        .find_syntax_by_token(token)
        .or_else(|| set.find_syntax_by_token(&lower))
    {
        Some(s) => Lang::Known(s),
        None => Lang::Unknown(closest(&lower)),
    }
}

/// The known name nearest to `token`, when it is near enough to be a likely typo.
fn closest(token: &str) -> Option<String> {
    static NAMES: LazyLock<Vec<String>> = LazyLock::new(known_names);
    NAMES
        .iter()
        .map(|n| (strsim::damerau_levenshtein(token, n), n))
        .filter(|(d, n)| *d <= n.len().max(token.len()) / 3 + 1)
        .min()
        .map(|(_, n)| n.clone())
}

/// Every name a fence may use: syntax names, their file extensions, and the aliases.
fn known_names() -> Vec<String> {
    let mut names: Vec<String> = SYNTAXES
        .syntaxes()
        .iter()
        .flat_map(|s| std::iter::once(&s.name).chain(&s.file_extensions))
        .filter(|n| !n.contains(' '))
        .map(|n| n.to_ascii_lowercase())
        .chain(PLAIN.iter().chain(CONSOLE).map(|s| s.to_string()))
        .chain(ALIASES.iter().map(|(a, _)| a.to_string()))
        .filter(|n| !n.is_empty())
        .collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_languages_are_known() {
        for t in [
            "toml",
            "sh",
            "bash",
            "shell",
            "zsh",
            "powershell",
            "ps1",
            "dockerfile",
            "Dockerfile",
            "diff",
            "ini",
            "json5",
            "json",
            "yaml",
            "yml",
            "js",
            "javascript",
            "ts",
            "typescript",
            "python",
            "py",
            "go",
            "c",
            "cpp",
            "html",
            "css",
            "sql",
            "makefile",
            "rust",
            "xml",
            "java",
            "kotlin",
            "swift",
            "ruby",
            "lua",
            "markdown",
            "md",
            "nix",
            "tsx",
            "graphql",
            "csharp",
            "php",
            "perl",
            "haskell",
            "scala",
        ] {
            assert!(matches!(find(t), Lang::Known(_)), "{t} is not known");
        }
        assert!(matches!(find("console"), Lang::Console));
        assert!(matches!(find("text"), Lang::Plain));
        assert!(matches!(find(""), Lang::Plain));
    }

    #[test]
    fn unknown_names_get_the_closest_known_one() {
        match find("ruts") {
            Lang::Unknown(Some(c)) => assert_eq!(c, "rust"),
            _ => panic!("ruts"),
        }
        match find("pyhton") {
            Lang::Unknown(Some(c)) => assert_eq!(c, "python"),
            _ => panic!("pyhton"),
        }
        assert!(matches!(find("zzqqxx-nothing"), Lang::Unknown(None)));
    }
}

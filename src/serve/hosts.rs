//! Which `Host` headers the dev server answers, on every bind (DNS-rebinding defence).
//!
//! A page at `http://evil.example:3000/` whose name the attacker re-points at this machine
//! makes the browser send `Host: evil.example:3000`; refusing unknown names is the whole
//! defence, so it stays on for `--host 0.0.0.0` too (it used to be off there). Accepted,
//! as in Vite's `server.allowedHosts`: IP literals (a rebinding page cannot make the browser
//! send one: its origin would then be that address, i.e. this server), `localhost` and
//! `*.localhost` (browsers resolve those to loopback themselves), the `--host` value, the
//! machine's host name (and `NAME.local`), all with the bound port; and every
//! `--allowed-host` (exact, or `.example.org` for it and its subdomains) with any port,
//! for a reverse proxy or a tunnel.

use std::net::{IpAddr, SocketAddr};

/// The accepted `Host` values of one server.
#[derive(Debug, Clone)]
pub(crate) struct HostPolicy {
    port: u16,
    /// Names accepted with the bound port.
    names: Vec<String>,
    /// `--allowed-host` values, accepted with any port.
    allowed: Vec<String>,
}

impl HostPolicy {
    /// The policy of a server bound to `addr` for `--host configured`, with the
    /// `--allowed-host` list `allowed`.
    pub(crate) fn new(addr: SocketAddr, configured: &str, allowed: &[String]) -> HostPolicy {
        let mut names = vec!["localhost".to_string()];
        if bare(configured).parse::<IpAddr>().is_err() {
            names.push(bare(configured)); // IP addresses are answered anyway
        }
        if let Some(h) = machine_name() {
            names.push(format!("{h}.local"));
            names.push(h);
        }
        names.retain(|n| !n.is_empty());
        names.dedup();
        HostPolicy {
            port: addr.port(),
            names,
            allowed: allowed
                .iter()
                .map(|a| a.trim().to_ascii_lowercase())
                .collect(),
        }
    }

    /// Whether a request with this `Host` header is answered.
    pub(crate) fn allows(&self, host: Option<&str>) -> bool {
        let Some(host) = host else { return false };
        let host = host.trim().to_ascii_lowercase();
        let (name, port) = split_port(&host);
        let name = name.trim_end_matches('.');
        if name.is_empty() {
            return false;
        }
        if self.allowed.iter().any(|a| match a.strip_prefix('.') {
            Some(domain) => name == domain || name.ends_with(a.as_str()),
            None => name == a.as_str(),
        }) {
            return true;
        }
        let port_ok = port.unwrap_or(80) == self.port;
        let known = bare(name).parse::<IpAddr>().is_ok()
            || name.ends_with(".localhost")
            || self.names.iter().any(|n| n == &bare(name));
        port_ok && known
    }

    /// The names accepted besides IP addresses, for the warning printed on a wide bind.
    pub(crate) fn describe(&self) -> String {
        let mut all: Vec<String> = self
            .names
            .iter()
            .map(|n| format!("{n}:{}", self.port))
            .collect();
        all.extend(self.allowed.iter().cloned());
        all.join(", ")
    }
}

/// `[::1]` -> `::1`, lowercased.
fn bare(host: &str) -> String {
    host.trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase()
}

/// `name:port` -> (name, Some(port)); `[::1]:80` -> (`[::1]`, 80); `::1` -> (`::1`, None).
fn split_port(host: &str) -> (&str, Option<u16>) {
    match host.rsplit_once(':') {
        Some((name, port))
            if (name.ends_with(']') || !name.contains(':'))
                && !port.is_empty()
                && port.chars().all(|c| c.is_ascii_digit()) =>
        {
            (name, port.parse().ok().or(Some(0)))
        }
        _ => (host, None),
    }
}

/// This machine's host name, lowercased.
#[cfg(unix)]
fn machine_name() -> Option<String> {
    let uts = rustix::system::uname();
    let name = uts.nodename().to_string_lossy().to_ascii_lowercase();
    (!name.is_empty()).then_some(name)
}

#[cfg(not(unix))]
fn machine_name() -> Option<String> {
    std::env::var("COMPUTERNAME")
        .ok()
        .map(|n| n.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(addr: &str, host: &str, allowed: &[&str]) -> HostPolicy {
        let allowed: Vec<String> = allowed.iter().map(|s| s.to_string()).collect();
        HostPolicy::new(addr.parse().unwrap(), host, &allowed)
    }

    #[test]
    fn loopback_names_and_ip_literals_with_the_port() {
        let p = policy("127.0.0.1:3000", "127.0.0.1", &[]);
        for ok in [
            "localhost:3000",
            "127.0.0.1:3000",
            "[::1]:3000",
            "LOCALHOST:3000",
            "app.localhost:3000",
        ] {
            assert!(p.allows(Some(ok)), "{ok}");
        }
        for bad in [
            "evil.example:3000",
            "evil.example",
            "localhost:3001",
            "localhost",
            "127.0.0.1.evil:3000",
            "localhost.evil.example:3000",
            "",
            ":3000",
        ] {
            assert!(!p.allows(Some(bad)), "{bad}");
        }
        assert!(!p.allows(None));
        assert!(policy("127.0.0.1:3000", "mybox", &[]).allows(Some("mybox:3000")));
        assert!(policy("[::1]:8080", "::1", &[]).allows(Some("[::1]:8080")));
        assert!(policy("127.0.0.1:80", "127.0.0.1", &[]).allows(Some("localhost")));
    }

    #[test]
    fn a_wide_bind_keeps_the_check() {
        let p = policy("0.0.0.0:3000", "0.0.0.0", &[]);
        assert!(p.allows(Some("192.168.1.9:3000")));
        assert!(p.allows(Some("[fe80::1]:3000")));
        for bad in [
            "evil.example:3000",
            "evil.example",
            "rebind.attacker.net:3000",
        ] {
            assert!(!p.allows(Some(bad)), "{bad}");
        }
        if let Some(h) = machine_name() {
            assert!(p.allows(Some(&format!("{h}:3000"))));
            assert!(p.allows(Some(&format!("{h}.local:3000"))));
        }
    }

    #[test]
    fn allowed_hosts_exact_or_by_domain_any_port() {
        let p = policy(
            "0.0.0.0:3000",
            "0.0.0.0",
            &["preview.example.org", ".tunnel.dev"],
        );
        assert!(p.allows(Some("preview.example.org")));
        assert!(p.allows(Some("PREVIEW.example.org:443")));
        assert!(p.allows(Some("tunnel.dev")));
        assert!(p.allows(Some("abc.tunnel.dev:8443")));
        assert!(!p.allows(Some("x.preview.example.org:3000")));
        assert!(!p.allows(Some("eviltunnel.dev:3000")));
    }
}

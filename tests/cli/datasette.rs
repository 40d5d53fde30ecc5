//! `newsfacts datasette-metadata`: the saved queries run as canned queries in
//! a real Datasette, fetched as JSON over loopback.
//!
//! Datasette comes from PyPI into a virtualenv kept under the target folder
//! (made once, reused by later runs). Without python3, venv or network the
//! test says why on stderr and passes: it checks Datasette, not the machine.
//! Set NEWSFACTS_SKIP_DATASETTE=1 to skip it.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value as Json;

use crate::Workspace;

/// How long pip may take to install Datasette, and Datasette to start.
const INSTALL_TIMEOUT: Duration = Duration::from_secs(300);
const START_TIMEOUT: Duration = Duration::from_secs(60);

#[test]
fn canned_queries_run_in_datasette() {
    if std::env::var_os("NEWSFACTS_SKIP_DATASETTE").is_some() {
        eprintln!("skipping the Datasette test: NEWSFACTS_SKIP_DATASETTE is set");
        return;
    }
    let datasette = match install_datasette() {
        Ok(path) => path,
        Err(why) => {
            eprintln!("skipping the Datasette test: {why}");
            return;
        }
    };
    let ws = Workspace::new();
    ws.cmd()
        .args(["demo", "--db", "demo.db"])
        .assert()
        .success();
    // YAML, so Datasette's own YAML reader checks ours.
    ws.cmd()
        .args([
            "datasette-metadata",
            "--db",
            "demo.db",
            "-o",
            "metadata.yaml",
        ])
        .assert()
        .success();
    let server = Server::start(&datasette, &ws.path("demo.db"), &ws.path("metadata.yaml"));

    let killed = server.rows("/demo/casualty_timeline.json?_shape=array&category=killed");
    assert!(!killed.is_empty());
    assert!(
        killed.iter().all(|r| r["category"] == "killed"),
        "{killed:?}"
    );
    assert!(killed.iter().any(|r| r["article"]
        .as_str()
        .is_some_and(|a| a.contains("Nepal earthquake"))));
    // A blank optional parameter means its default (every category).
    let all = server.rows("/demo/casualty_timeline.json?_shape=array&category=&place=");
    assert!(all.len() > killed.len());

    let found = server.rows("/demo/search_articles.json?_shape=array&terms=earthquake&limit=");
    assert_eq!(found.len(), 1, "{found:?}");

    let profile = server.rows("/demo/actor_profile.json?_shape=array&actor=Mansour");
    assert_eq!(profile[0]["name"], "Tarek Mansour");

    // Every canned query answers, on Datasette's SQLite, with blank optional
    // parameters and the required ones filled in.
    for q in newsfacts::saved_queries::all(None).unwrap() {
        let mut path = format!("/demo/{}.json?_shape=array", q.name);
        for p in &q.params {
            let value = match p.name.as_str() {
                "actor" => "Mansour",
                "terms" => "ceasefire",
                _ => "",
            };
            path.push_str(&format!("&{}={value}", p.name));
        }
        server.rows(&path);
    }
}

/// Datasette from PyPI in a virtualenv under the target folder; the path of
/// its `datasette` program, or why there is none.
fn install_datasette() -> Result<PathBuf, String> {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("datasette-venv");
    let program = venv.join("bin").join("datasette");
    if program.is_file() {
        return Ok(program);
    }
    run_bounded(
        Command::new("python3").arg("-m").arg("venv").arg(&venv),
        "python3 -m venv",
    )?;
    let pip = venv.join("bin").join("pip");
    let installed = run_bounded(
        Command::new(&pip).args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "datasette",
        ]),
        "pip install datasette (no network?)",
    );
    if let Err(why) = installed {
        // A half-made venv would be taken for a good one next time.
        let _ = std::fs::remove_dir_all(&venv);
        return Err(why);
    }
    Ok(program)
}

/// Runs a command to completion within INSTALL_TIMEOUT.
fn run_bounded(cmd: &mut Command, what: &str) -> Result<(), String> {
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{what}: {e}"))?;
    let deadline = Instant::now() + INSTALL_TIMEOUT;
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            if status.success() {
                return Ok(());
            }
            let mut err = String::new();
            if let Some(mut stderr) = child.stderr.take() {
                let _ = stderr.read_to_string(&mut err);
            }
            return Err(format!("{what} failed: {}", err.trim()));
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("{what} took longer than {INSTALL_TIMEOUT:?}"));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// A Datasette serving one database on a free loopback port; killed on drop.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(datasette: &Path, db: &Path, metadata: &Path) -> Server {
        let port = free_port();
        let child = Command::new(datasette)
            .arg("serve")
            .arg(db)
            .arg("--metadata")
            .arg(metadata)
            .args(["--host", "127.0.0.1", "--port", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting datasette");
        let mut server = Server { child, port };
        server.wait_until_up();
        server
    }

    fn wait_until_up(&mut self) {
        let deadline = Instant::now() + START_TIMEOUT;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("datasette exited at start: {status}");
            }
            if let Ok((200, _)) = get(self.port, "/-/versions.json") {
                return;
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        panic!("datasette did not answer within {START_TIMEOUT:?}");
    }

    /// GETs a path that answers a JSON array.
    fn rows(&self, path: &str) -> Vec<Json> {
        let (status, body) = get(self.port, path).unwrap();
        assert_eq!(status, 200, "{path}: {body}");
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: {e}: {body}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nobody listens on now (the OS picks it).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A plain HTTP/1.1 GET with `Connection: close`: (status, body).
fn get(port: u16, path: &str) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        stream,
        "GET {} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n",
        path.replace(' ', "%20")
    )?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let split = find(&response, b"\r\n\r\n").unwrap_or(response.len());
    let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
    let body = response.get(split + 4..).unwrap_or_default();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = if head.contains("transfer-encoding: chunked") {
        dechunk(body)
    } else {
        body.to_vec()
    };
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Joins the chunks of a chunked HTTP body (sizes count bytes).
fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(line_end) = find(body, b"\r\n") {
        let size = std::str::from_utf8(&body[..line_end])
            .ok()
            .and_then(|s| usize::from_str_radix(s.trim(), 16).ok());
        let rest = &body[line_end + 2..];
        match size {
            Some(size) if size > 0 && rest.len() >= size => {
                out.extend_from_slice(&rest[..size]);
                body = rest[size..].strip_prefix(b"\r\n").unwrap_or(&rest[size..]);
            }
            _ => break,
        }
    }
    out
}

"""A real Neo4j 5.26 Community server the project can run itself, without Docker.

Neo4j's server tarball is not on Maven Central, but everything in it that a server needs
is: ``org.neo4j:neo4j`` (kernel, Cypher, Bolt, the Jetty HTTP server and the entry point
``org.neo4j.server.CommunityEntryPoint``) and ``org.neo4j.client:neo4j-browser``. So
:meth:`Neo4jServer.install` lets the installed Maven resolve those jars (``~/.m2`` stays
Maven's cache, so only the first install downloads) and copies them into ``HOME/lib``;
:meth:`Neo4jServer.start` writes ``HOME/conf/neo4j.conf`` and launches the JVM in the
background with a pid file and a log file, then waits until a real ``RETURN 1`` answers.

Ports and the home folder are parameters all the way down so that a second, throw-away
server (failure tests) can run next to the main one. Neo4j 5.26 is the last line that runs
on Java 17, which is what Debian ships.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import string
import subprocess
import tempfile
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import KgError

NEO4J_VERSION = "5.26.19"
BROWSER_VERSION = "5.24.0"
APOC_VERSION = "5.26.19"
DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
DEFAULT_HOME = Path(".neo4j")
DEFAULT_USER = "neo4j"
MIN_PASSWORD_LENGTH = 8
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminCommand"

# The flags Neo4j's own launcher passes on Java 17 (netty and the page cache need them).
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
)


class Neo4jServerError(KgError, RuntimeError):
    """The local server cannot be installed, started or stopped; the message says why."""


@dataclass
class ServerStatus:
    """What ``kg neo4j status`` reports."""

    home: Path
    running: bool
    responding: bool
    pid: int | None
    bolt_uri: str
    http_url: str
    auth: bool
    version: str | None = None
    detail: str = ""

    def to_dict(self) -> dict:
        return {
            "home": str(self.home), "running": self.running, "responding": self.responding,
            "pid": self.pid, "bolt_uri": self.bolt_uri, "http_url": self.http_url,
            "auth": self.auth, "version": self.version, "detail": self.detail,
        }


def default_home() -> Path:
    return Path(os.environ.get("KG_NEO4J_HOME") or DEFAULT_HOME)


def default_bolt_uri() -> str:
    """Where clients look for Neo4j when ``NEO4J_URI``/``--uri`` is not given.

    So that ``kg neo4j start --bolt-port 17687`` and a later ``kg build --backend neo4j``
    agree without an export: ``KG_NEO4J_BOLT_PORT`` if set (the variable ``kg neo4j
    start`` reads too), else the port of the local server running from
    ``KG_NEO4J_HOME`` (default ``.neo4j``), else 7687.
    """
    port = os.environ.get("KG_NEO4J_BOLT_PORT", "").strip()
    if port.isdigit():
        return f"bolt://localhost:{port}"
    running = running_server_port(default_home())
    return f"bolt://localhost:{running or DEFAULT_BOLT_PORT}"


def running_server_port(home: Path) -> int | None:
    """The Bolt port of the server ``kg neo4j start`` runs from ``home``, if it is up."""
    conf = home / "conf" / "neo4j.conf"
    try:
        text = conf.read_text(encoding="utf-8")
    except OSError:
        return None
    m = re.search(r"^server\.bolt\.listen_address=.*:(\d+)\s*$", text, re.MULTILINE)
    if m is None or Neo4jServer(home, bolt_port=int(m.group(1))).pid() is None:
        return None
    return int(m.group(1))


def _data_text(name: str) -> str:
    return resources.files("kg").joinpath(f"data/neo4j/{name}").read_text(encoding="utf-8")


def _tool(name: str, env_home: str | None = None) -> str:
    if env_home and os.environ.get(env_home):
        candidate = Path(os.environ[env_home]) / "bin" / name
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        hint = "a JDK 17 (apt-get install openjdk-17-jdk-headless)" if name == "java" \
            else "Maven (apt-get install maven)"
        raise Neo4jServerError(f"`{name}` is not on PATH; the local Neo4j server needs {hint}")
    return found


def _tail(path: Path, lines: int = 15) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.rstrip().splitlines()[-lines:])


def port_in_use(port: int, host: str = "localhost") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


def free_port() -> int:
    """A TCP port nobody listens on right now (for a second, throw-away server)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("localhost", 0))
        return s.getsockname()[1]


class Neo4jServer:
    """One Neo4j server living in ``home`` (lib/, conf/, data/, logs/, run/, plugins/).

    ``auth=True`` (the default) needs a password of at least 8 characters, by default
    from ``$NEO4J_PASSWORD``; ``auth=False`` is for CI and throw-away servers.
    """

    def __init__(self, home: str | os.PathLike | None = None, *,
                 bolt_port: int = DEFAULT_BOLT_PORT, http_port: int = DEFAULT_HTTP_PORT,
                 auth: bool = True, password: str | None = None, host: str = "localhost",
                 heap: str = "1g", pagecache: str = "512m", apoc: bool = True,
                 neo4j_version: str = NEO4J_VERSION, browser_version: str = BROWSER_VERSION,
                 apoc_version: str = APOC_VERSION):
        self.home = Path(home if home is not None else default_home()).resolve()
        self.bolt_port = int(bolt_port)
        self.http_port = int(http_port)
        self.auth = auth
        self.password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
        self.host = host
        self.heap = heap
        self.pagecache = pagecache
        self.apoc = apoc
        self.neo4j_version = neo4j_version
        self.browser_version = browser_version
        self.apoc_version = apoc_version

    # -- places ------------------------------------------------------------------------
    @property
    def bolt_uri(self) -> str:
        return f"bolt://{self.host}:{self.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://{self.host}:{self.http_port}"

    @property
    def lib_dir(self) -> Path:
        return self.home / "lib"

    @property
    def conf_dir(self) -> Path:
        return self.home / "conf"

    @property
    def plugins_dir(self) -> Path:
        return self.home / "plugins"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "console.log"

    @property
    def auth_tuple(self) -> tuple[str, str] | None:
        return (DEFAULT_USER, self.password or "") if self.auth else None

    def _lib_stamp(self) -> str:
        return f"neo4j={self.neo4j_version} browser={self.browser_version}"

    def _apoc_stamp(self) -> str:
        return f"apoc={self.apoc_version}"

    @staticmethod
    def _stamp_ok(path: Path, expected: str) -> bool:
        return path.exists() and path.read_text(encoding="utf-8").strip() == expected

    def installed(self) -> bool:
        """The jars of these versions are in lib/ (and APOC in plugins/ if wanted)."""
        lib_ok = self._stamp_ok(self.lib_dir / ".kg-installed", self._lib_stamp())
        apoc_ok = not self.apoc or self._stamp_ok(self.plugins_dir / ".kg-installed",
                                                  self._apoc_stamp())
        return lib_ok and apoc_ok

    def install(self, *, force: bool = False) -> list[str]:
        """Resolve the server jars with Maven into ``HOME/lib`` (and APOC into plugins/).

        Returns the jar names in lib/. Parts already there in the same versions are left
        alone, so a lib/ symlinked to another home's is reused, never rewritten.
        """
        for sub in ("lib", "conf", "data", "logs", "run", "plugins", "import"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        lib_stamp = self.lib_dir / ".kg-installed"
        if force or not self._stamp_ok(lib_stamp, self._lib_stamp()):
            lib_stamp.unlink(missing_ok=True)
            for jar in self.lib_dir.glob("*.jar"):
                jar.unlink()
            self._maven_copy("server-pom.xml", self.lib_dir, {
                "neo4j.version": self.neo4j_version, "browser.version": self.browser_version})
            lib_stamp.write_text(self._lib_stamp() + "\n", encoding="utf-8")
        apoc_stamp = self.plugins_dir / ".kg-installed"
        if self.apoc and (force or not self._stamp_ok(apoc_stamp, self._apoc_stamp())):
            apoc_stamp.unlink(missing_ok=True)
            self._install_apoc()
            apoc_stamp.write_text(self._apoc_stamp() + "\n", encoding="utf-8")
        return sorted(p.name for p in self.lib_dir.glob("*.jar"))

    def _install_apoc(self) -> None:
        for jar in self.plugins_dir.glob("*.jar"):
            jar.unlink()
        self._maven_copy("apoc-pom.xml", self.plugins_dir, {"apoc.version": self.apoc_version})
        # A second copy of a library the server already has (older commons-lang3 …) would
        # shadow the server's own on the classpath: keep the server's.
        server_libs = {_artifact_name(p.name) for p in self.lib_dir.glob("*.jar")}
        for jar in self.plugins_dir.glob("*.jar"):
            if _artifact_name(jar.name) in server_libs:
                jar.unlink()

    def _maven_copy(self, pom_name: str, target: Path, props: dict[str, str]) -> None:
        mvn = _tool("mvn", "MAVEN_HOME")
        log = self.home / "logs" / "install.log"
        with tempfile.TemporaryDirectory(prefix="kg-neo4j-pom-") as tmp:
            pom = Path(tmp) / "pom.xml"
            pom.write_text(_data_text(pom_name), encoding="utf-8")
            cmd = [mvn, "-B", "-q", "-f", str(pom), "dependency:copy-dependencies",
                   "-DincludeScope=runtime", f"-DoutputDirectory={target}",
                   *(f"-D{k}={v}" for k, v in props.items())]
            with open(log, "a", encoding="utf-8") as out:
                out.write(f"$ {' '.join(cmd)}\n")
                out.flush()
                rc = subprocess.call(cmd, stdout=out, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        if rc != 0:
            raise Neo4jServerError(
                f"Maven could not resolve the Neo4j jars ({pom_name}, exit {rc}); "
                f"see {log}:\n{_tail(log, 8)}")

    # -- process -----------------------------------------------------------------------
    def pid(self) -> int | None:
        """The server's pid if its pid file names a live JVM of this home, else None."""
        try:
            pid = int(self.pid_file.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            return None
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            try:
                os.kill(pid, 0)
            except OSError:
                return None
            return pid
        if f"--home-dir={self.home}".encode() not in cmdline:
            return None  # the pid was reused by another process
        return pid

    def is_running(self) -> bool:
        return self.pid() is not None

    def write_config(self) -> Path:
        text = string.Template(_data_text("neo4j.conf.template")).substitute(
            host=self.host, bolt_port=self.bolt_port, http_port=self.http_port,
            auth_enabled="true" if self.auth else "false", heap=self.heap,
            pagecache=self.pagecache)
        self.conf_dir.mkdir(parents=True, exist_ok=True)
        path = self.conf_dir / "neo4j.conf"
        path.write_text(text, encoding="utf-8")
        return path

    def check_password(self) -> None:
        """Fail early, before any download or launch, when auth is on without a usable
        password (Neo4j would otherwise refuse it only after a long first start)."""
        if not self.auth:
            return
        if not self.password:
            raise Neo4jServerError("auth is on but NEO4J_PASSWORD is not set; set it (at least "
                                   f"{MIN_PASSWORD_LENGTH} characters) or use --no-auth")
        if len(self.password) < MIN_PASSWORD_LENGTH:
            raise Neo4jServerError(f"NEO4J_PASSWORD must have at least {MIN_PASSWORD_LENGTH} "
                                   "characters (Neo4j's minimum)")

    def _system_db_exists(self) -> bool:
        return (self.home / "data" / "databases" / "system").exists()

    def set_initial_password(self) -> None:
        """Store the password before the first start (``neo4j-admin dbms set-initial-password``).

        The password goes to Java through an @argument file readable only by us, so it
        never shows up in ``ps``.
        """
        java = _tool("java", "JAVA_HOME")
        env = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.conf_dir)}
        fd, argfile = tempfile.mkstemp(prefix=".pw-", suffix=".args", dir=self.home / "run")
        try:
            quoted = self.password.replace("\\", "\\\\").replace('"', '\\"')
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(f'dbms\nset-initial-password\n"{quoted}"\n')
            proc = subprocess.run(
                [java, "-cp", f"{self.lib_dir}/*", ADMIN_CLASS, f"@{argfile}"],
                env=env, cwd=self.home, capture_output=True, text=True, timeout=180,
                stdin=subprocess.DEVNULL)
        finally:
            os.unlink(argfile)
        if proc.returncode != 0:
            last = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
            raise Neo4jServerError(f"could not set the initial Neo4j password: {last[0]}")

    def start(self, *, timeout: float = 180.0, install: bool = True) -> ServerStatus:
        """Start in the background and return once ``RETURN 1`` succeeds.

        If this home's server is already running it is reused (and checked to answer).
        """
        self.check_password()
        if self.is_running():
            self.wait_ready(timeout=timeout)
            return self.status()
        for port in (self.bolt_port, self.http_port):
            if port_in_use(port, self.host):
                raise Neo4jServerError(
                    f"port {port} is already in use by another process; stop it or pick "
                    "other ports (--bolt-port/--http-port)")
        if install:
            self.install()
        elif not self.installed():
            raise Neo4jServerError(f"no Neo4j jars in {self.lib_dir}; run install() first")
        self.write_config()
        if self.auth and not self._system_db_exists():
            self.set_initial_password()
        java = _tool("java", "JAVA_HOME")
        cmd = [java, f"-Xms{self.heap}", f"-Xmx{self.heap}", *JVM_FLAGS,
               "-cp", f"{self.plugins_dir}/*:{self.conf_dir}/*:{self.lib_dir}/*",
               MAIN_CLASS, f"--home-dir={self.home}", f"--config-dir={self.conf_dir}",
               "--console-mode"]
        env = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.conf_dir)}
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        self.pid_file.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_file, "a", encoding="utf-8") as log:
            log.write(f"--- kg neo4j start {time.strftime('%Y-%m-%dT%H:%M:%S')} ---\n")
            log.flush()
            proc = subprocess.Popen(cmd, cwd=self.home, env=env, stdout=log,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    start_new_session=True)
        self.pid_file.write_text(f"{proc.pid}\n", encoding="utf-8")
        try:
            self.wait_ready(timeout=timeout, proc=proc)
        except Neo4jServerError:
            self.stop()
            raise
        return self.status()

    def wait_ready(self, *, timeout: float = 180.0, proc: subprocess.Popen | None = None) -> None:
        """Poll ``RETURN 1`` until it answers; a dead JVM or the deadline is an error."""
        from neo4j import GraphDatabase
        from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

        deadline = time.monotonic() + timeout
        last = "no answer yet"
        tried_default = False
        while True:
            if proc is not None and proc.poll() is not None:
                raise Neo4jServerError(f"Neo4j exited with code {proc.returncode} while starting;"
                                       f" last lines of {self.log_file}:\n{_tail(self.log_file)}")
            try:
                # session.run is auto-commit: one try, none of execute_query's retrying.
                with GraphDatabase.driver(self.bolt_uri, auth=self.auth_tuple,
                                          connection_timeout=5) as driver, \
                        driver.session(database="neo4j") as session:
                    session.run("RETURN 1 AS ok").consume()
                return
            except AuthError:
                # A data folder first started without auth still has neo4j's default password.
                if self.auth and not tried_default:
                    tried_default = True
                    if self._replace_default_password():
                        continue
                raise Neo4jServerError(
                    f"the Neo4j server in {self.home} refuses NEO4J_PASSWORD (it was set up "
                    "with another one); set the right one, or stop it and delete "
                    f"{self.home / 'data'} to start from an empty database") from None
            except (ServiceUnavailable, Neo4jError, OSError) as e:
                last = type(e).__name__
            if time.monotonic() > deadline:
                raise Neo4jServerError(f"Neo4j did not answer `RETURN 1` on {self.bolt_uri} "
                                       f"within {timeout:.0f} s ({last}); see {self.log_file}")
            time.sleep(1)

    def _replace_default_password(self) -> bool:
        from neo4j import GraphDatabase
        from neo4j.exceptions import Neo4jError

        try:
            with GraphDatabase.driver(self.bolt_uri, auth=(DEFAULT_USER, "neo4j")) as driver, \
                    driver.session(database="system") as session:
                session.run("ALTER CURRENT USER SET PASSWORD FROM $old TO $new",
                            old="neo4j", new=self.password).consume()
            return True
        except Neo4jError:
            return False

    def stop(self, *, timeout: float = 60.0) -> bool:
        """SIGTERM (Neo4j shuts down cleanly), wait, then SIGKILL. False if not running."""
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.5)
        if _alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            for _ in range(20):
                if not _alive(pid):
                    break
                time.sleep(0.25)
        self.pid_file.unlink(missing_ok=True)
        return True

    def status(self) -> ServerStatus:
        pid = self.pid()
        st = ServerStatus(home=self.home, running=pid is not None, responding=False, pid=pid,
                          bolt_uri=self.bolt_uri, http_url=self.http_url, auth=self.auth)
        if pid is None and not port_in_use(self.bolt_port, self.host):
            st.detail = "not running"
            return st
        from neo4j import GraphDatabase
        from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

        try:
            with GraphDatabase.driver(self.bolt_uri, auth=self.auth_tuple,
                                      connection_timeout=5) as driver, \
                    driver.session(database="neo4j") as session:
                record = session.run(
                    "CALL dbms.components() YIELD versions RETURN versions[0] AS v").single()
            st.responding = True
            st.version = record["v"] if record else None
            if pid is None:
                st.detail = "a server answers on this port but was not started from this home"
        except AuthError:
            st.detail = "answers, but refuses these credentials"
        except (ServiceUnavailable, Neo4jError, OSError) as e:
            st.detail = f"does not answer yet ({type(e).__name__})"
        return st


def _alive(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)  # reap it if it is our own child (started in-process)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (our own child that exited) counts as gone.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _artifact_name(jar: str) -> str:
    """``commons-lang3-3.12.0.jar`` → ``commons-lang3`` (version dropped)."""
    stem = jar[:-4] if jar.endswith(".jar") else jar
    parts = stem.split("-")
    while len(parts) > 1 and parts[-1][:1].isdigit():
        parts.pop()
    return "-".join(parts)

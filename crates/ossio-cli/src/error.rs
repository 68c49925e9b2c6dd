//! Failures of a command and the exit code each kind maps to.

use std::fmt;

/// Exit status of the `ossio` process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 1: anything else (local files, an unreadable response).
    Failure = 1,
    /// 2: bad usage: flags, input rejected before sending, configuration.
    Usage = 2,
    /// 3: OSS answered with an error.
    Service = 3,
    /// 4: no answer: connection refused, reset, timed out.
    Transport = 4,
    /// 5: the data's CRC-64 did not match the one OSS reported.
    Integrity = 5,
}

/// A command failure: one line for stderr and an exit code.
#[derive(Debug, Clone)]
pub struct CliError {
    /// The exit code.
    pub exit: Exit,
    /// The message, without the `ossio: ` prefix.
    pub message: String,
}

impl CliError {
    /// A usage error (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        CliError {
            exit: Exit::Usage,
            message: message.into(),
        }
    }

    /// A local failure (exit 1).
    pub fn local(message: impl Into<String>) -> Self {
        CliError {
            exit: Exit::Failure,
            message: message.into(),
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One line, always: messages from the server may carry newlines.
        let one_line: Vec<&str> = self.message.split_whitespace().collect();
        f.write_str(&one_line.join(" "))
    }
}

impl From<ossio::Error> for CliError {
    fn from(e: ossio::Error) -> Self {
        use ossio::Error as E;
        let exit = match &e {
            E::Validation(_) | E::Config(_) | E::Credentials(_) => Exit::Usage,
            E::Service { .. } => Exit::Service,
            E::Transport { .. } => Exit::Transport,
            E::Crc { .. } => Exit::Integrity,
            _ => Exit::Failure,
        };
        let message = match &e {
            E::Validation(v) => format!("invalid input, nothing was sent: {v}"),
            other => other.to_string(),
        };
        CliError { exit, message }
    }
}

impl From<ossio_core::Error> for CliError {
    fn from(e: ossio_core::Error) -> Self {
        match e {
            ossio_core::Error::Validation(v) => ossio::Error::Validation(v).into(),
            other => CliError::local(other.to_string()),
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        // The client wraps its own errors (a CRC mismatch while streaming) in io::Error.
        if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<ossio::Error>()) {
            return inner.clone().into();
        }
        let exit = match e.kind() {
            std::io::ErrorKind::ConnectionReset
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::UnexpectedEof
            | std::io::ErrorKind::TimedOut => Exit::Transport,
            _ => Exit::Failure,
        };
        CliError {
            exit,
            message: e.to_string(),
        }
    }
}

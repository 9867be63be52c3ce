use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match parallax::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // The usage error quotes what was typed: cleaned, so that an
            // argument cannot command the terminal. Help and the version
            // go to stdout as clap writes them.
            let text = error.render().to_string();
            let shown = parallax::sanitize::clean(&text);
            if error.use_stderr() {
                let _ = write!(std::io::stderr(), "{shown}");
            } else {
                let _ = write!(std::io::stdout(), "{shown}");
            }
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    match parallax::cli::run(cli) {
        Ok(status) => ExitCode::from(u8::try_from(status).unwrap_or(1)),
        // A reader of the output that has had enough (`| head`) is not an error.
        Err(parallax::Error::Terminal(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            // The terminal may be gone (a hang-up): a failed write is not a panic.
            let _ = writeln!(std::io::stderr(), "parallax: {error}");
            ExitCode::FAILURE
        }
    }
}

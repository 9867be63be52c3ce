use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = parallax::cli::Cli::parse();
    match parallax::cli::run(cli) {
        Ok(status) => ExitCode::from(u8::try_from(status).unwrap_or(1)),
        Err(error) => {
            // The terminal may be gone (a hang-up): a failed write is not a panic.
            let _ = writeln!(std::io::stderr(), "parallax: {error}");
            ExitCode::FAILURE
        }
    }
}

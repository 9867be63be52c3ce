use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = parallax::cli::Cli::parse();
    match parallax::cli::run(cli) {
        Ok(status) => ExitCode::from(u8::try_from(status).unwrap_or(1)),
        Err(error) => {
            eprintln!("parallax: {error}");
            ExitCode::FAILURE
        }
    }
}

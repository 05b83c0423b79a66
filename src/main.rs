fn main() {
    std::process::exit(fourd::cli::main());
}

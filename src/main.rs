// mimalloc: parsing a large file builds (and frees) millions of small AST
// nodes, where glibc's malloc spends a third of the time coalescing chunks.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(fourd::cli::main());
}

fn main() {
    for t in byline_tokenize::tokenize("Putin’s view, he said.") {
        println!("{:?} {}", t.kind, t.text);
    }
}

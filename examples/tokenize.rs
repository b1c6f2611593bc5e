//! Print the tokens of a French sentence: text, byte span, kind and normalized form.
//!
//! ```text
//! cargo run --release --example tokenize
//! cargo run --release --example tokenize -- "Allons-y, c’est l’heure !!!"
//! ```

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = if args.is_empty() {
        "Aujourd’hui, M. le ministre a-t-il lu l’avis des prud’hommes ?! C’est une honte :-("
            .to_string()
    } else {
        args.join(" ")
    };
    println!("{text}\n");
    println!(
        "{:>5} {:>5}  {:<10} {:<20} norm",
        "start", "end", "kind", "text"
    );
    for token in avis_fr::tokenize(&text) {
        let kind = serde_json::to_value(token.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        println!(
            "{:>5} {:>5}  {:<10} {:<20} {}",
            token.start,
            token.end,
            kind,
            token.text,
            token.norm()
        );
    }
}

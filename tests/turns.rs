use callbook::domain::{Pane, rank::short_phrase, sample};
#[test]
fn scratch() {
    let a = sample::account(callbook::domain::now());
    for pane in Pane::ALL {
        if let Some(items) = a.items(pane) { for it in items { println!("{pane:?}: {}", short_phrase(pane, &it.text)); } }
    }
    for p in &a.people { println!("{}: {} | {}", p.name, short_phrase(Pane::Market, &p.cares_about), short_phrase(Pane::People, &p.cares_about)); }
}

//! The table's items checked as a tree before anything is written: ids
//! given once, every parent there, children's maxima within their
//! parent's (rule 2 of docs/format.md: less is the part not itemised), and
//! the areas adding up to the assessment's maximum (rule 4's sum of
//! maxima).

use super::messages;
use super::rows::{Item, Table};
use crate::base::i18n::Msg;
use crate::base::id::NodeId;
use crate::base::score::Score;
use crate::error::Error;
use std::collections::{BTreeMap, HashMap};

/// Where the assessment's maximum comes from when the table has no total
/// row.
pub enum Given {
    /// `content/<year>/_index.md` gives it.
    Index(Score),
    /// Nothing does: 100.
    Default,
}

/// The checked tree: the items in id order, and the assessment's maximum.
pub struct Tree {
    pub items: Vec<Item>,
    pub max: Score,
    pub notes: Vec<Msg>,
}

fn list(items: &[&Item]) -> Msg {
    let items: Vec<(String, Score, String)> = items
        .iter()
        .map(|i| (i.id.to_string(), i.max, i.max_cell.clone()))
        .collect();
    messages::items(&items)
}

pub fn check(table: Table, year: i32, given: Given) -> Result<Tree, Error> {
    let mut seen: HashMap<NodeId, &str> = HashMap::new();
    for item in &table.items {
        if let Some(first) = seen.insert(item.id.clone(), &item.id_cell) {
            return Err(messages::duplicate_id(
                &item.id_cell,
                &item.id.to_string(),
                first,
            ));
        }
    }
    let mut children: BTreeMap<NodeId, Vec<&Item>> = BTreeMap::new();
    for item in &table.items {
        if let Some(parent) = item.id.parent() {
            if !seen.contains_key(&parent) {
                return Err(messages::missing_parent(
                    &item.id_cell,
                    &item.id.to_string(),
                    &parent.to_string(),
                ));
            }
            children.entry(parent).or_default().push(item);
        }
    }
    let mut notes = table.notes.clone();
    for item in &table.items {
        let Some(kids) = children.get(&item.id) else {
            continue;
        };
        let sum: Score = kids.iter().map(|k| k.max).sum();
        if sum > item.max {
            return Err(messages::children_exceed(
                &item.max_cell,
                &item.id.to_string(),
                sum,
                item.max,
                list(kids),
            ));
        }
        if sum < item.max {
            notes.push(messages::not_itemised(
                &item.max_cell,
                &item.id.to_string(),
                sum,
                item.max,
            ));
        }
    }
    let areas: Vec<&Item> = table.items.iter().filter(|i| i.id.depth() == 1).collect();
    let sum: Score = areas.iter().map(|a| a.max).sum();
    let (max, cell, of) = match (&table.total, given) {
        (Some((max, cell)), _) => (*max, cell.clone(), messages::total_row(cell)),
        (None, Given::Index(max)) => (
            max,
            areas.first().map_or(String::new(), |a| a.max_cell.clone()),
            messages::index_max(year),
        ),
        (None, Given::Default) => (
            Score::from_int(100),
            areas.first().map_or(String::new(), |a| a.max_cell.clone()),
            messages::no_total_given(year),
        ),
    };
    if sum != max {
        return Err(messages::areas_total(&cell, sum, max, of, list(&areas)));
    }
    let mut items = table.items;
    items.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(Tree { items, max, notes })
}

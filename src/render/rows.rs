//! Long lists handed to templates one row at a time.

use minijinja::value::Value;
use serde::Serialize;
use std::sync::Arc;

/// A long list handed to a template one row at a time: a row becomes
/// template values when the template reads it, and they are dropped once
/// it has moved on. Made all at once, the documents index's rows were most
/// of the template values held at a large build's peak of memory, and the
/// search page's entries (with their text, which the built-in theme does
/// not show) took about as much. A template that walks
/// the list twice converts each row twice.
#[derive(Debug)]
pub(crate) struct RowByRow<T> {
    rows: Arc<Vec<T>>,
    range: std::ops::Range<usize>,
}

impl<T> RowByRow<T> {
    pub(crate) fn all(rows: Vec<T>) -> Self {
        let range = 0..rows.len();
        RowByRow {
            rows: Arc::new(rows),
            range,
        }
    }

    /// The rows in `range` of a list shared with other users.
    pub(crate) fn range(rows: Arc<Vec<T>>, range: std::ops::Range<usize>) -> Self {
        let range = range.start.min(rows.len())..range.end.min(rows.len());
        RowByRow { rows, range }
    }
}

impl<T: Serialize + std::fmt::Debug + Send + Sync + 'static> minijinja::value::Object
    for RowByRow<T>
{
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let i = self.range.start.checked_add(key.as_usize()?)?;
        (i < self.range.end).then(|| Value::from(minijinja::value::Serde(&self.rows[i])))
    }

    fn enumerate(self: &Arc<Self>) -> minijinja::value::Enumerator {
        minijinja::value::Enumerator::Seq(self.range.len())
    }
}

//! Typed scalar expressions (Calcite's RexNode). Every [`Expr`] carries a Trino [`Type`].
//!
//! Before the rewrite passes an expression tree speaks Trino (`Call` names are Trino
//! functions, operators have Trino semantics). The rewrite passes replace every construct
//! whose meaning differs with `Spark*` nodes; the emitter prints `Spark*` nodes verbatim and
//! prints the remaining Trino nodes only where the rewrite crate has declared them identical.

use crate::rel::Rel;
use crate::types::Type;
use crate::Span;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Type,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExprKind {
    /// A resolved column of a relation in scope.
    Column(ColumnRef),
    /// `*` or `t.*` over a relation whose columns the catalog does not know (kept, not expanded).
    Wildcard {
        qualifier: Option<String>,
    },
    /// A column of the enclosing SELECT's output, referenced from ORDER BY by alias or ordinal.
    OutputRef {
        index: usize,
        name: String,
    },
    Literal(Literal),
    /// A Trino scalar function call (lower-case Trino name).
    Call {
        name: String,
        args: Vec<Expr>,
    },
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Unary {
        op: UnaryOp,
        expr: Box<Expr>,
    },
    Cast {
        expr: Box<Expr>,
        to: Type,
        safe: bool,
    },
    Case {
        operand: Option<Box<Expr>>,
        branches: Vec<(Expr, Expr)>,
        else_result: Option<Box<Expr>>,
    },
    InList {
        expr: Box<Expr>,
        list: Vec<Expr>,
        negated: bool,
    },
    Between {
        expr: Box<Expr>,
        low: Box<Expr>,
        high: Box<Expr>,
        negated: bool,
    },
    Like {
        expr: Box<Expr>,
        pattern: Box<Expr>,
        escape: Option<Box<Expr>>,
        negated: bool,
    },
    IsNull {
        expr: Box<Expr>,
        negated: bool,
    },
    IsDistinctFrom {
        left: Box<Expr>,
        right: Box<Expr>,
        negated: bool,
    },
    /// `ARRAY[...]`
    Array(Vec<Expr>),
    /// `ROW(...)`; field names come from the type.
    Row(Vec<Expr>),
    FieldAccess {
        expr: Box<Expr>,
        field: String,
    },
    /// `base[index]`: array (1-based) or map subscript.
    Subscript {
        expr: Box<Expr>,
        index: Box<Expr>,
    },
    Extract {
        field: String,
        expr: Box<Expr>,
    },
    AtTimeZone {
        expr: Box<Expr>,
        zone: Box<Expr>,
    },
    Lambda {
        params: Vec<String>,
        body: Box<Expr>,
    },
    LambdaVar(String),
    /// Scalar subquery.
    ScalarSubquery(Box<Rel>),
    Exists {
        rel: Box<Rel>,
        negated: bool,
    },
    InSubquery {
        expr: Box<Expr>,
        rel: Box<Rel>,
        negated: bool,
    },
    Quantified {
        left: Box<Expr>,
        op: BinaryOp,
        quantifier: Quantifier,
        rel: Box<Rel>,
    },
    /// Boxed: aggregate calls are few, and inline they would widen every expression.
    Aggregate(Box<AggregateCall>),
    Window(Box<WindowCall>),
    /// `TRY(expr)`.
    Try(Box<Expr>),
    /// Trino's `grouping(a, b, …)` over the grouping keys.
    Grouping(Vec<Expr>),
    // ---- Spark-side nodes, produced only by the rewrite passes ----
    /// A Spark function call, printed as `name(args…)`.
    SparkCall {
        name: String,
        args: Vec<Expr>,
    },
    /// A Spark infix operator whose spelling differs from Trino's (`div`).
    SparkInfix {
        op: String,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// A Spark type cast (`CAST(x AS <spark type>)`) with the Spark type spelled out.
    SparkCast {
        expr: Box<Expr>,
        spark_type: String,
        safe: bool,
    },
    /// Spark syntax with argument holes `{0}`, `{1}`, … (each argument is printed parenthesised
    /// unless atomic), for forms that are not a plain call (`{0} <=> {1}`, `trim(BOTH {1} FROM {0})`).
    SparkTemplate {
        template: String,
        args: Vec<Expr>,
    },
    /// A Spark literal spelled exactly (e.g. `12.50BD`, `TIMESTAMP_NTZ '…'`, `INTERVAL '3' DAY`).
    SparkLiteral(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ColumnRef {
    /// The relation alias (or table name) this column belongs to in its scope, if any. Names
    /// are shared with the scope they resolved in, not copied per reference.
    pub qualifier: Option<Arc<str>>,
    pub name: Arc<str>,
    /// How many query levels out the column lives (0 = this query, 1 = correlated outer query).
    #[serde(default)]
    pub depth: usize,
    /// The query wrote the qualifier (`t.a`), so printing it qualified keeps the same scoping.
    #[serde(default)]
    pub written_qualified: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Literal {
    Null,
    Boolean(bool),
    /// Integer literal, exact text (typed integer or bigint).
    Integer(String),
    /// Exact decimal text as written (`1.50`): precision and scale are in the expression's type.
    Decimal(String),
    /// Double literal text (`1e2`, `DOUBLE '1.0'`).
    Double(String),
    /// Real literal text (`REAL '1.5'`).
    Real(String),
    /// Character data, already unescaped (the exact string value).
    String(String),
    /// Binary data as upper-case hex digits.
    Binary(String),
    Date(String),
    Time(String),
    Timestamp(String),
    TimestampTz(String),
    /// `INTERVAL '<value>' <from> [TO <to>]`; sign already folded into `value`. Boxed, so the
    /// rare interval does not widen every literal and expression.
    Interval(Box<IntervalLiteral>),
    /// Any other typed literal `<type> '<text>'` (`JSON '…'`, `UUID '…'`, `IPADDRESS '…'`).
    Typed {
        type_name: String,
        text: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Eq,
    NotEq,
    Lt,
    LtEq,
    Gt,
    GtEq,
    And,
    Or,
    Concat,
}

impl BinaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Mod => "%",
            BinaryOp::Eq => "=",
            BinaryOp::NotEq => "<>",
            BinaryOp::Lt => "<",
            BinaryOp::LtEq => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::GtEq => ">=",
            BinaryOp::And => "AND",
            BinaryOp::Or => "OR",
            BinaryOp::Concat => "||",
        }
    }
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinaryOp::Eq
                | BinaryOp::NotEq
                | BinaryOp::Lt
                | BinaryOp::LtEq
                | BinaryOp::Gt
                | BinaryOp::GtEq
        )
    }
    pub fn is_arithmetic(self) -> bool {
        matches!(
            self,
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnaryOp {
    Not,
    Neg,
    Plus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantifier {
    All,
    Any,
}

/// The parts of [`Literal::Interval`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntervalLiteral {
    pub value: String,
    pub from: String,
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AggregateCall {
    pub name: String,
    pub args: Vec<Expr>,
    pub distinct: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<Box<Expr>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order_by: Vec<SortKey>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WindowCall {
    /// The function: an `Aggregate` or a `Call` (rank, row_number, lag, …) or a `SparkCall`.
    pub function: Expr,
    pub partition_by: Vec<Expr>,
    pub order_by: Vec<SortKey>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<WindowFrame>,
    /// `IGNORE NULLS` (lead, lag, first_value, last_value, nth_value); `RESPECT NULLS` is the default.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ignore_nulls: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WindowFrame {
    /// `ROWS`, `RANGE` or `GROUPS`.
    pub units: String,
    pub start: FrameBound,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<FrameBound>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrameBound {
    UnboundedPreceding,
    Preceding(Box<Expr>),
    CurrentRow,
    Following(Box<Expr>),
    UnboundedFollowing,
}

/// A sort key. `nulls_first` is `None` when the Trino query left null order implicit
/// (Trino then sorts NULLs last in both directions); the rewrite pass makes it explicit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SortKey {
    pub expr: Expr,
    pub asc: bool,
    pub nulls_first: Option<bool>,
}

impl Expr {
    pub fn new(kind: ExprKind, ty: Type) -> Expr {
        Expr {
            kind,
            ty,
            span: None,
        }
    }
    pub fn with_span(mut self, span: Option<Span>) -> Expr {
        self.span = span;
        self
    }
    pub fn literal(lit: Literal, ty: Type) -> Expr {
        Expr::new(ExprKind::Literal(lit), ty)
    }
    pub fn int(v: i64) -> Expr {
        let ty = if i32::try_from(v).is_ok() {
            Type::Integer
        } else {
            Type::BigInt
        };
        Expr::literal(Literal::Integer(v.to_string()), ty)
    }
    pub fn spark_call(name: &str, args: Vec<Expr>, ty: Type) -> Expr {
        Expr::new(
            ExprKind::SparkCall {
                name: name.to_string(),
                args,
            },
            ty,
        )
    }
    pub fn spark_cast(expr: Expr, spark_type: String, ty: Type) -> Expr {
        Expr::new(
            ExprKind::SparkCast {
                expr: Box::new(expr),
                spark_type,
                safe: false,
            },
            ty,
        )
    }

    /// True if the expression contains an aggregate call outside any subquery or window.
    pub fn contains_aggregate(&self) -> bool {
        let mut found = false;
        self.walk(&mut |e| {
            if matches!(e.kind, ExprKind::Aggregate(_)) {
                found = true;
            }
            !matches!(e.kind, ExprKind::Window(_))
        });
        found
    }

    /// Pre-order walk over this expression and its sub-expressions (not into subqueries).
    /// The callback returns whether to descend into the children.
    pub fn walk(&self, f: &mut dyn FnMut(&Expr) -> bool) {
        if !f(self) {
            return;
        }
        self.for_each_child(|c| c.walk(f));
    }

    /// Calls `f` on each direct sub-expression (not descending into subquery plans, nor into
    /// window frame bounds).
    pub fn for_each_child<'e>(&'e self, mut f: impl FnMut(&'e Expr)) {
        use ExprKind::*;
        match &self.kind {
            Column(_)
            | Wildcard { .. }
            | OutputRef { .. }
            | Literal(_)
            | LambdaVar(_)
            | SparkLiteral(_)
            | ScalarSubquery(_)
            | Exists { .. } => {}
            Call { args, .. }
            | SparkCall { args, .. }
            | SparkTemplate { args, .. }
            | Array(args)
            | Row(args)
            | Grouping(args) => args.iter().for_each(f),
            Binary { left, right, .. }
            | SparkInfix { left, right, .. }
            | IsDistinctFrom { left, right, .. } => {
                f(left);
                f(right)
            }
            Unary { expr, .. }
            | Cast { expr, .. }
            | SparkCast { expr, .. }
            | IsNull { expr, .. }
            | FieldAccess { expr, .. }
            | Extract { expr, .. }
            | Try(expr)
            | InSubquery { expr, .. } => f(expr),
            Quantified { left, .. } => f(left),
            Case {
                operand,
                branches,
                else_result,
            } => {
                operand.iter().for_each(|b| f(b));
                for (w, t) in branches {
                    f(w);
                    f(t);
                }
                else_result.iter().for_each(|b| f(b));
            }
            InList { expr, list, .. } => {
                f(expr);
                list.iter().for_each(f)
            }
            Between {
                expr, low, high, ..
            } => {
                f(expr);
                f(low);
                f(high)
            }
            Like {
                expr,
                pattern,
                escape,
                ..
            } => {
                f(expr);
                f(pattern);
                escape.iter().for_each(|b| f(b));
            }
            Subscript { expr, index } => {
                f(expr);
                f(index)
            }
            AtTimeZone { expr, zone } => {
                f(expr);
                f(zone)
            }
            Lambda { body, .. } => f(body),
            Aggregate(a) => {
                a.args.iter().for_each(&mut f);
                a.filter.iter().for_each(|b| f(b));
                a.order_by.iter().for_each(|k| f(&k.expr));
            }
            Window(w) => {
                f(&w.function);
                w.partition_by.iter().for_each(&mut f);
                w.order_by.iter().for_each(|k| f(&k.expr));
            }
        }
    }
}

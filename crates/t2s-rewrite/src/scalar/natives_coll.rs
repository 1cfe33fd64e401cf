//! Native hooks for the coll function rules (see natives.rs for the pattern).

use super::*;

/// The hook names this file implements.
pub(super) const NATIVES: &[&str] = &[];

impl Cx<'_, '_> {
    /// `Err(args)`: not a hook of this file (the arguments are handed back).
    pub(super) fn native_coll(
        &mut self,
        hook: &str,
        name: &str,
        args: Vec<Expr>,
        ty: Type,
        span: Option<Span>,
    ) -> Result<Option<Expr>, Vec<Expr>> {
        let _ = (name, &ty, span);
        // (No hook yet: the match is where they go.)
        #[allow(clippy::match_single_binding)]
        match hook {
            _ => Err(args),
        }
    }
}

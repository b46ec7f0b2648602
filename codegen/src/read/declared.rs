//! What the reader hands to the resolver: each page's model, properties and
//! enums as the page states them. These are reader types, not IR: enums have
//! no IR name yet and defaults are the docs' literals; the resolver names the
//! enums, types the defaults and builds the IR from them.

use crate::ir::{Dialect, EnumMember, SourceRef, TypeExpr, WireNameRule};

/// What a page declares.
#[derive(Debug, Clone, PartialEq)]
pub enum Declared {
    /// A model or union page.
    Model(PageModel),
    /// An enum page of its own: the enum is named after the page.
    Enum(PageEnum),
}

/// A model as one page (or, once merged, several pages) of it state it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageModel {
    /// The model's name.
    pub name: String,
    /// The dialect of the (first) page.
    pub dialect: Dialect,
    /// The page's description of the model.
    pub description: Option<String>,
    /// The pages it was read from.
    pub sources: Vec<String>,
    /// Properties in table order; enum references use the page's enum names.
    pub properties: Vec<PageProperty>,
    /// A union page's member types.
    pub one_of: Vec<TypeExpr>,
    /// The type of the values under names the table does not list.
    pub additional_properties: Option<TypeExpr>,
    /// The enums the page declares inline.
    pub enums: Vec<PageEnum>,
}

impl PageModel {
    /// Every type the page writes: its properties', its union members' and
    /// that of its unlisted values.
    pub fn types(&self) -> impl Iterator<Item = &TypeExpr> {
        let properties = self.properties.iter().map(|p| &p.ty);
        properties
            .chain(&self.one_of)
            .chain(&self.additional_properties)
    }

    /// [`Self::types`], to change them.
    pub fn types_mut(&mut self) -> impl Iterator<Item = &mut TypeExpr> {
        let properties = self.properties.iter_mut().map(|p| &mut p.ty);
        properties
            .chain(&mut self.one_of)
            .chain(&mut self.additional_properties)
    }
}

/// One property row.
#[derive(Debug, Clone, PartialEq)]
pub struct PageProperty {
    /// The name as the docs write it.
    pub name: String,
    /// The wire name, under the page's wire case.
    pub wire_name: String,
    /// How the wire name was found.
    pub wire_name_rule: WireNameRule,
    /// The type.
    pub ty: TypeExpr,
    /// Whether it is required; `None` when the page cannot tell.
    pub required: Option<bool>,
    /// `[readonly]`.
    pub readonly: bool,
    /// The `[default to X]` literal, quotes removed.
    pub default: Option<String>,
    /// The description cell.
    pub description: Option<String>,
    /// The page and line of the row.
    pub source: SourceRef,
}

/// An enum as a page lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageEnum {
    /// The name the page gives it (`StateEnum`), or the page's model name for an enum page.
    pub doc_name: String,
    /// The model whose page declares it inline.
    pub model: Option<String>,
    /// The members in page order, values typed.
    pub members: Vec<EnumMember>,
    /// The SDK-only "unknown value" member, if listed.
    pub unknown_sentinel: Option<String>,
    /// The page and line of the enum's heading.
    pub source: SourceRef,
}

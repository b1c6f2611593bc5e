//! How the public enums are written: one name per variant, declared once with
//! [`spelled!`], and the same in JSON, in [`Display`](std::fmt::Display) and from
//! `as_str` (`Label::Negative` is `negative` everywhere, `Role::StanceMarker` is
//! `stance_marker`). The command line and the Python package take these names;
//! none of them spells a variant itself.

/// `as_str`, `ALL` (every variant in declaration order) and `Display` for a
/// field-less enum, from one list of `Variant => "name"`; with `serde` first, also
/// `Serialize` and `Deserialize` as those names (an unknown name is an error that
/// lists the known ones).
macro_rules! spelled {
    ($type:ident { $first:ident => $first_name:literal $(, $variant:ident => $name:literal)* $(,)? }) => {
        impl $type {
            /// Every variant, in declaration order.
            ///
            #[doc = concat!("```\nassert_eq!(avis_fr::", stringify!($type), "::ALL[0], avis_fr::",
                stringify!($type), "::", stringify!($first), ");\n```")]
            pub const ALL: [$type; [$first_name $(, $name)*].len()] =
                [$type::$first $(, $type::$variant)*];

            /// The name as written in JSON (and by `Display`).
            ///
            #[doc = concat!("```\nuse avis_fr::", stringify!($type), ";\n\nassert_eq!(",
                stringify!($type), "::", stringify!($first), ".as_str(), \"", $first_name,
                "\");\nassert_eq!(", stringify!($type), "::", stringify!($first),
                ".to_string(), \"", $first_name, "\");\n```")]
            pub fn as_str(self) -> &'static str {
                match self {
                    $type::$first => $first_name,
                    $($type::$variant => $name),*
                }
            }
        }

        impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
    (serde $type:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        $crate::names::spelled!($type { $($variant => $name),+ });

        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let name = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                $type::ALL
                    .into_iter()
                    .find(|variant| variant.as_str() == name)
                    .ok_or_else(|| serde::de::Error::unknown_variant(&name, &[$($name),+]))
            }
        }
    };
}

pub(crate) use spelled;

//! A post's signature: what its author signs, how a copy is checked, and how redaction
//! withholds a value without breaking the signature.

use super::check::{Checker, Local};
use super::key::Signer;
use super::seal::{contact_bytes, kind_code, post_id, urgency_code, PostSeal, Secret, Signed};
use crate::model::clock::Stamp;
use crate::model::post::{Post, PostDraft};

impl Post {
    /// A new post by `signer`'s key, under the id that key binds, signed.
    pub fn create_signed(draft: PostDraft, at: Stamp, signer: &Signer) -> Post {
        let mut post = Post::create(post_id(&signer.key(), at), draft, at);
        post.sign(signer);
        post
    }

    /// Whether `signer` wrote this post.
    pub fn is_by(&self, signer: &Signer) -> bool {
        self.seal
            .as_ref()
            .is_some_and(|seal| seal.seal.key == signer.key())
    }

    /// The bytes the author's signature covers: every field the author wrote, with its stamp,
    /// and the contact and private note through their digests.
    pub fn signed_bytes(&self) -> Vec<u8> {
        let Some(seal) = &self.seal else {
            return Vec::new();
        };
        let mut signed = Signed::new("circle.post.v1");
        signed
            .id(self.id)
            .byte(kind_code(self.kind))
            .stamp(self.created)
            .text(&self.author)
            .raw(&seal.seal.key.0);
        signed.stamp(self.title.at).text(&self.title.value);
        signed.stamp(self.details.at).text(&self.details.value);
        signed.stamp(self.category.at).text(&self.category.value);
        signed.stamp(self.area.at).text(&self.area.value);
        signed
            .stamp(self.urgency.at)
            .byte(urgency_code(self.urgency.value));
        signed
            .stamp(self.quantity.at)
            .option(self.quantity.value, |signed, n| {
                signed.u64(u64::from(n));
            });
        signed.stamp(self.contact.at).raw(
            &seal
                .contact
                .digest(&contact_bytes(self.contact.value.as_ref()))
                .0,
        );
        signed
            .stamp(self.languages.at)
            .u64(self.languages.value.len() as u64);
        for language in &self.languages.value {
            signed.text(language);
        }
        signed.stamp(self.until.at).day(self.until.value);
        signed
            .stamp(self.recurring.at)
            .byte(u8::from(self.recurring.value));
        signed.stamp(self.status.at).status(self.status.value);
        signed
            .stamp(self.private_note.at)
            .raw(&seal.note.digest(self.private_note.value.as_bytes()).0);
        signed.u64(self.history.len() as u64);
        for change in &self.history {
            signed.stamp(change.at).text(&change.by).status(change.to);
        }
        signed
            .stamp(self.removed.at)
            .byte(u8::from(self.removed.value));
        signed.into_bytes()
    }

    /// Signs the post as it is now, as `signer`'s. For a new post, [`Post::create_signed`]
    /// sets the id the key binds; later revisions keep it.
    pub fn sign(&mut self, signer: &Signer) {
        let placeholder = super::seal::Seal {
            key: signer.key(),
            sig: super::key::Signature([0; 64]),
        };
        self.seal = Some(PostSeal {
            seal: placeholder,
            contact: Secret::Shown(signer.salt(self.id.0, "contact")),
            note: Secret::Shown(signer.salt(self.id.0, "note")),
        });
        let sig = signer.sign(&self.signed_bytes());
        if let Some(seal) = &mut self.seal {
            seal.seal.sig = sig;
        }
    }

    /// Whether the post is its key's: the id is the one the key binds, and the key signed
    /// exactly this revision. An unsigned post passes nothing.
    pub fn verifies(&self) -> bool {
        self.verifies_by(&Local)
    }

    /// As [`Post::verifies`], asking `checker` (see [`super::check`]).
    pub fn verifies_by(&self, checker: &dyn Checker) -> bool {
        self.id_is_bound() && self.signature_holds(checker)
    }

    /// Whether the key in its seal signed exactly this revision, by `checker`; whether that key
    /// owns the id is [`Post::id_is_bound`]'s question.
    pub fn signature_holds(&self, checker: &dyn Checker) -> bool {
        self.seal.as_ref().is_some_and(|seal| {
            checker.vouched() || checker.check(&seal.seal.key, &self.signed_bytes(), &seal.seal.sig)
        })
    }

    /// Whether the post's id is bound to its key (a copy may carry a valid signature under a
    /// stolen id only if this fails).
    pub fn id_is_bound(&self) -> bool {
        self.seal
            .as_ref()
            .is_some_and(|seal| post_id(&seal.seal.key, self.created) == self.id)
    }

    /// Withholds the contact (keeping its digest, so the signature still holds).
    pub fn withhold_contact(&mut self) {
        if let Some(seal) = &mut self.seal {
            let digest = seal
                .contact
                .digest(&contact_bytes(self.contact.value.as_ref()));
            seal.contact = Secret::Withheld(digest);
        }
        self.contact.value = None;
    }

    /// Withholds the private note (keeping its digest).
    pub fn withhold_note(&mut self) {
        if let Some(seal) = &mut self.seal {
            let digest = seal.note.digest(self.private_note.value.as_bytes());
            seal.note = Secret::Withheld(digest);
        }
        self.private_note.value.clear();
    }
}

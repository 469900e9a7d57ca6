from django import forms


class Form(forms.Form):
    """The portal's forms: labels as the seed shows them, without a trailing colon."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

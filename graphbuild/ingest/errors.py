"""The one error of the readers: an input that cannot be used, with the reason a person understands."""


class InputError(Exception):
    """An input that cannot be used; the message is the reason shown to the user."""

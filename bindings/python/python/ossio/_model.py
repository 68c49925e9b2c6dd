"""The base classes of ``ossio.ops`` (the classes themselves are generated from the
operation registry) and the paginator behind ``ossio.Client.<listing>_paginator()``."""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Dict,
    FrozenSet,
    Generic,
    Iterable,
    Iterator,
    Mapping,
    Optional,
    Set,
    Tuple,
    Type,
    TypeVar,
    Union,
    cast,
)

from ._ossio import NativeOp, Request, _new_op
from .exceptions import ParseError, ValidationError

if TYPE_CHECKING:
    from ._operations import Operations

_M = TypeVar("_M", bound="Model")
_Out = TypeVar("_Out")
_Op = TypeVar("_Op", bound="Operation[Any]")

#: Response headers as ``parse`` takes them.
Headers = Union[Mapping[str, str], Iterable[Tuple[str, str]]]


def _field_error(cls: Type[Model], fields: Mapping[str, Any]) -> ValidationError:
    """The error for unknown or missing field names (before any value is looked at)."""
    unknown = sorted(set(fields) - cls._names)
    operation = cls.name if issubclass(cls, Operation) else None
    if unknown:
        field, reason = unknown[0], f"unknown field (known: {', '.join(cls._fields)})"
    else:
        field = sorted(cls._required - set(fields))[0]
        reason = "is required"
    err = ValidationError(f"{operation + ': ' if operation else ''}invalid {field}: {reason}")
    err.field, err.reason, err.operation = field, reason, operation
    return err


def _set(obj: Model, fields: Mapping[str, Any]) -> None:
    """Stores the fields of a model built in Python."""
    for name, value in fields.items():
        object.__setattr__(obj, name, value)


def _shown(value: Any) -> str:
    # Bodies can be large: show their size, not their bytes.
    if isinstance(value, (bytes, bytearray, memoryview)) and len(value) > 64:
        return f"<{len(value)} bytes>"
    return repr(value)


class Model:
    """Base of every request, result and nested class of ``ossio.ops``: compared field by
    field, ``replace(**changes)`` derives a changed copy and ``to_dict()`` gives plain
    values."""

    __slots__ = ()
    #: The field names, in order.
    _fields: ClassVar[Tuple[str, ...]] = ()
    _names: ClassVar[FrozenSet[str]] = frozenset()
    _required: ClassVar[FrozenSet[str]] = frozenset()

    def __new__(cls: Type[_M], *args: Any, **fields: Any) -> _M:
        if args:
            raise TypeError(f"{cls.__name__} takes keyword arguments only")
        if not cls._names.issuperset(fields) or not cls._required.issubset(fields):
            raise _field_error(cls, fields)
        return object.__new__(cls)

    def __repr__(self) -> str:
        shown = (f"{n}={_shown(getattr(self, n, None))}" for n in self._fields)
        return f"{type(self).__name__}({', '.join(shown)})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, n, None) == getattr(other, n, None) for n in self._fields)

    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> Dict[str, Any]:
        """The fields as plain values (nested models as dicts)."""

        def plain(v: Any) -> Any:
            if isinstance(v, Model):
                return v.to_dict()
            if isinstance(v, (list, tuple)):
                return [plain(i) for i in v]
            if isinstance(v, dict):
                return {k: plain(i) for k, i in v.items()}
            return v

        return {n: plain(getattr(self, n, None)) for n in self._fields}

    def replace(self: _M, **changes: Any) -> _M:
        """A copy with some fields changed (validated again for a request)."""
        fields = {n: getattr(self, n, None) for n in self._fields}
        fields.update(changes)
        return type(self)(**fields)


class Operation(Model, Generic[_Out]):
    """Base of the request classes of ``ossio.ops``: its fields, validated when built."""

    __slots__ = ("_op", "_values")
    #: The API name, e.g. ``PutBucketAcl``.
    name: ClassVar[str] = ""
    _download: ClassVar[bool] = False
    _op: NativeOp
    _values: Dict[str, Any]

    if not TYPE_CHECKING:
        # The fields, read from the dict they were validated from (the generated classes
        # declare their types).
        def __getattr__(self, name):
            try:
                return object.__getattribute__(self, "_values")[name]
            except KeyError:
                # A field the caller left out (built from keywords) is None.
                if name in type(self)._names:
                    return None
                raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        # A request is validated when built: changing it would bypass that.
        raise AttributeError(f"{type(self).__name__} is immutable; use replace()")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.name = cls.__name__

    def request(self) -> Request:
        """The request to send (sign it with ``ossio.Signer``)."""
        return self._op.request()

    def parse(self, status: int, headers: Headers, body: Optional[bytes] = None) -> _Out:
        """The result of a response, or the typed ``ossio.ServiceError`` it carries."""
        out = self._op.parse(status, headers, body)
        if self._download:
            out.body = bytes(body or b"")
        return cast(_Out, out)


def _request(cls: Type[_Op], given: Tuple[_Op, ...], fields: Dict[str, Any]) -> _Op:
    """The request a client method was given: the object, or one built from keywords."""
    if not given:
        return _new_op(cls, fields)
    if len(given) > 1:
        raise TypeError(f"pass one ossio.ops.{cls.__name__}")
    request = given[0]
    if fields:
        raise TypeError(f"pass an ossio.ops.{cls.__name__} or its fields as keywords, not both")
    if not isinstance(request, cls):
        raise TypeError(f"expected ossio.ops.{cls.__name__}, got {type(request).__name__}")
    return request


class Paginator(Generic[_Op, _Out]):
    """The pages of a listing, fetched as the iterator advances."""

    def __init__(self, client: Operations, cls: Type[_Op], token: str, next_token: str, *more: Tuple[str, str]) -> None:
        self._client = client
        self._cls = cls
        self._token = token
        self._next = next_token
        # Markers that travel with the token (ListMultipartUploads' upload-id-marker).
        self._more = more

    def iter_page(self, *request: _Op, **fields: Any) -> Iterator[_Out]:
        """Sends ``request`` (or one built from the keywords), then each following page."""
        op = _request(self._cls, request, fields)
        seen: Set[Tuple[Any, ...]] = set()
        while True:
            page = cast(_Out, self._client._send(op))
            yield page
            token = getattr(page, self._next, None)
            if not getattr(page, "is_truncated", False) or not token:
                return
            more = {t: getattr(page, n, None) or None for t, n in self._more}
            position = (token, *more.values())
            if position in seen:
                err = ParseError(f"{op.name} returned the continuation token {token!r} twice; stopping instead of looping")
                err.status, err.operation = 200, op.name
                raise err
            seen.add(position)
            op = op.replace(**{self._token: token}, **more)

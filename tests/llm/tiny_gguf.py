"""Build a tiny GGUF language model for tests: a 2-layer llama with random weights (~200 KB).

Its vocabulary is the 256 byte tokens plus printable ASCII characters and the SentencePiece
space mark (a "llama"/SPM tokenizer), so any text tokenizes, about one token per character.
It carries a chat template in ``tokenizer.chat_template`` like real instruct models. Its output
is noise: the point is to exercise the real llama-cpp-python loading, templating, tokenizing,
streaming and cancellation paths without downloading anything.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

CHAT_TEMPLATE = (
    "{{ bos_token }}{% for m in messages %}<|{{ m['role'] }}|>\n{{ m['content'] }}\n{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>\n{% endif %}"
)


def build_tiny_llama(path: Path, n_embd: int = 32, n_layer: int = 2, n_head: int = 4, n_ff: int = 64,
                     n_ctx: int = 4096, seed: int = 0, chat_template: str | None = CHAT_TEMPLATE) -> Path:
    import gguf

    rng = np.random.default_rng(seed)
    tokens: list[bytes] = [b"<unk>", b"<s>", b"</s>"]
    types = [gguf.TokenType.UNKNOWN, gguf.TokenType.CONTROL, gguf.TokenType.CONTROL]
    tokens += [f"<0x{b:02X}>".encode() for b in range(256)]
    types += [gguf.TokenType.BYTE] * 256
    chars = ["\u2581"] + [chr(c) for c in range(33, 127)]
    tokens += [c.encode("utf-8") for c in chars]
    types += [gguf.TokenType.NORMAL] * len(chars)
    scores = [0.0] * len(tokens)
    n_vocab = len(tokens)

    w = gguf.GGUFWriter(str(path), "llama")
    w.add_name("veille-tiny-test")
    w.add_context_length(n_ctx)
    w.add_embedding_length(n_embd)
    w.add_block_count(n_layer)
    w.add_feed_forward_length(n_ff)
    w.add_head_count(n_head)
    w.add_head_count_kv(n_head)
    w.add_layer_norm_rms_eps(1e-5)
    w.add_rope_dimension_count(n_embd // n_head)
    w.add_file_type(gguf.LlamaFileType.ALL_F32)
    w.add_tokenizer_model("llama")
    w.add_token_list(tokens)
    w.add_token_scores(scores)
    w.add_token_types(types)
    w.add_bos_token_id(1)
    w.add_eos_token_id(2)
    w.add_unk_token_id(0)
    w.add_add_bos_token(True)
    if chat_template:
        w.add_chat_template(chat_template)

    def rnd(*shape: int, scale: float = 0.5) -> np.ndarray:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    w.add_tensor("token_embd.weight", rnd(n_vocab, n_embd))
    for i in range(n_layer):
        w.add_tensor(f"blk.{i}.attn_norm.weight", np.ones(n_embd, dtype=np.float32))
        for name in ("attn_q", "attn_k", "attn_v", "attn_output"):
            w.add_tensor(f"blk.{i}.{name}.weight", rnd(n_embd, n_embd, scale=0.2))
        w.add_tensor(f"blk.{i}.ffn_norm.weight", np.ones(n_embd, dtype=np.float32))
        w.add_tensor(f"blk.{i}.ffn_gate.weight", rnd(n_ff, n_embd, scale=0.2))
        w.add_tensor(f"blk.{i}.ffn_up.weight", rnd(n_ff, n_embd, scale=0.2))
        w.add_tensor(f"blk.{i}.ffn_down.weight", rnd(n_embd, n_ff, scale=0.2))
    w.add_tensor("output_norm.weight", np.ones(n_embd, dtype=np.float32))
    out = rnd(n_vocab, n_embd)
    out[:3] = 0.0  # <unk>, <s>, </s> get logit 0 while others are spread: it rarely stops on its own
    w.add_tensor("output.weight", out)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return path
